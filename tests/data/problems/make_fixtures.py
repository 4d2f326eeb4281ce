#!/usr/bin/python3
"""Writes the problem-file fixtures of tests/ImplicitBias.Symbolic.Tests/Experiments/Data with NumPy, SciPy and h5py.

Run once by hand (not in CI; the generated files are committed next to this script):

    apt-get install -y python3-numpy python3-scipy python3-h5py
    cd tests/data/problems && /usr/bin/python3 make_fixtures.py

Every file holds the same 3x5 problem (A with zeros, so its CSR form has 8 non-zeros; y = A @ truth), so the tests
assert one set of values against files written by the reference libraries rather than by the code under test.
"""
import json
import zipfile

import h5py
import numpy as np
import scipy.io
import scipy.sparse

A = np.array([[1.0, 0.0, 2.0, 0.0, -1.5],
              [0.0, 3.0, 0.0, 0.25, 0.0],
              [-2.0, 0.0, 0.0, 1.0, 4.0]])
TRUTH = np.array([1.0, 0.0, 0.0, -2.0, 0.5])
Y = A @ TRUTH  # [0.25, -0.5, -2.0], exact in binary
W0 = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
INIT = 0.125


def dense_npz():
    np.savez("dense.npz", A=A, y=Y, truth=TRUTH, w0=W0)
    # Other dtypes and layouts a reader meets: a Fortran-ordered int64 A, float32 y, int32 truth, a 0-d init,
    # deflated (savez_compressed).
    np.savez_compressed("dtypes.npz", A=np.asfortranarray(A * 4).astype(np.int64), y=Y.astype(np.float32),
                        truth=TRUTH.astype(np.float32), init=np.array(INIT))
    np.savez("complex.npz", A=A.astype(np.complex128), y=Y)


def sparse_npz():
    # scipy's own layout (data, indices, indptr, shape, format) with the problem's vectors added to the same zip.
    scipy.sparse.save_npz("sparse.npz", scipy.sparse.csr_matrix(A), compressed=False)
    with zipfile.ZipFile("sparse.npz", "a") as archive:
        for name, values in (("y", Y), ("truth", TRUTH), ("w0", W0)):
            with archive.open(name + ".npy", "w") as entry:
                np.lib.format.write_array(entry, values)


def npy_version_2():
    # .npy format 2.0 (a 4-byte header length), which numpy writes for headers over 65535 bytes or when asked
    with zipfile.ZipFile("version2.npz", "w") as archive:
        for name, values in (("A", A), ("y", Y)):
            with archive.open(name + ".npy", "w") as entry:
                np.lib.format.write_array(entry, values, version=(2, 0))


def lone_npy():
    np.save("matrix.npy", A)
    np.save("matrix.y.npy", Y)
    np.save("matrix.truth.npy", TRUTH)


def hdf5():
    with h5py.File("problem.h5", "w") as f:
        f["A"] = A
        f["y"] = Y
        f["truth"] = TRUTH
        f["w0"] = W0
        f["init"] = INIT
    # CSR as a group, in the layout of anndata: datasets data/indices/indptr and the attribute shape.
    csr = scipy.sparse.csr_matrix(A)
    with h5py.File("sparse.h5", "w") as f:
        g = f.create_group("A")
        g.attrs["encoding-type"] = "csr_matrix"
        g.attrs["encoding-version"] = "0.1.0"
        g.attrs["shape"] = np.array(A.shape, dtype=np.int64)
        g["data"] = csr.data
        g["indices"] = csr.indices
        g["indptr"] = csr.indptr
        f["y"] = Y


def hostile_hdf5():
    # A chunked dataset whose chunks were never written: a few kB of file claiming 12.8 GB of A (fill value).
    with h5py.File("hostile.h5", "w") as f:
        f.create_dataset("A", shape=(40000, 40000), dtype="f8", chunks=(100, 100))
        f["y"] = Y


def matlab_header(f):
    # MATLAB v7.3: a 512-byte user block starting with the 116-byte text header, then version 0x0200 and 'IM'.
    text = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1 00:00:00 2026 HDF5 schema 1.00 ."
    f.write(text.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02IM")


def matlab_double(f, name, matrix):
    # MATLAB stores column-major, so an M-by-N matrix is an N-by-M HDF5 dataset (vectors are M-by-1 columns).
    d = f.create_dataset(name, data=np.ascontiguousarray(np.atleast_2d(matrix).T))
    d.attrs["MATLAB_class"] = np.bytes_("double")


def matlab():
    with h5py.File("problem.mat", "w", userblock_size=512) as f:
        matlab_double(f, "A", A)
        matlab_double(f, "y", Y.reshape(-1, 1))
        matlab_double(f, "truth", TRUTH.reshape(-1, 1))
        matlab_double(f, "init", np.array([[INIT]]))
    with open("problem.mat", "r+b") as f:
        matlab_header(f)
    # A MATLAB sparse matrix: a group holding CSC arrays data, ir (row indices), jc (column pointers).
    csc = scipy.sparse.csc_matrix(A)
    with h5py.File("sparse.mat", "w", userblock_size=512) as f:
        g = f.create_group("A")
        g.attrs["MATLAB_class"] = np.bytes_("double")
        g.attrs["MATLAB_sparse"] = np.uint64(A.shape[0])
        g["data"] = csc.data
        g["ir"] = csc.indices.astype(np.uint64)
        g["jc"] = csc.indptr.astype(np.uint64)
        matlab_double(f, "y", Y.reshape(-1, 1))
    with open("sparse.mat", "r+b") as f:
        matlab_header(f)


def csv():
    np.savetxt("problem.csv", A, delimiter=",", fmt="%.17g")
    np.savetxt("problem.y.csv", Y, delimiter=",", fmt="%.17g")
    np.savetxt("problem.w0.csv", W0, delimiter=",", fmt="%.17g")


def matrix_market():
    scipy.io.mmwrite("coordinate.mtx", scipy.sparse.csr_matrix(A), comment="the 3x5 fixture problem")
    np.savetxt("coordinate.y.csv", Y, fmt="%.17g")
    # symmetric: only the lower triangle is stored; y from a .npy sibling
    s = np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]])
    scipy.io.mmwrite("symmetric.mtx", scipy.sparse.coo_matrix(s), symmetry="symmetric")
    np.save("symmetric.y.npy", np.array([1.0, 0.0, 1.0]))


def json_problem():
    with open("problem.json", "w") as f:
        json.dump({"A": A.tolist(), "y": Y.tolist(), "w0": W0.tolist(), "truth": TRUTH.tolist(),
                   "name": "the 3x5 fixture problem"}, f, indent=1)


if __name__ == "__main__":
    dense_npz()
    sparse_npz()
    npy_version_2()
    lone_npy()
    hdf5()
    hostile_hdf5()
    matlab()
    csv()
    matrix_market()
    json_problem()
