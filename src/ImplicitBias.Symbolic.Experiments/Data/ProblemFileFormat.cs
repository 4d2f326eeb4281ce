namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// The kinds of problem file <see cref="ProblemFiles"/> reads and writes, chosen from the file's extension
/// (<see cref="ProblemFiles.FormatOf"/>).
/// </summary>
public enum ProblemFileFormat
{
    /// <summary>.json: <c>{"A": [[...], ...], "y": [...], ...}</c>, the layout of
    /// <see cref="Problem.FromJson"/>.</summary>
    Json,

    /// <summary>.npz: a NumPy zip of .npy arrays A (or scipy.sparse's CSR keys), y and the optional vectors.</summary>
    Npz,

    /// <summary>.npy: one NumPy array, the matrix A; the vectors come from sibling files.</summary>
    Npy,

    /// <summary>.h5 or .hdf5: HDF5 datasets /A (or a CSR group), /y and the optional vectors.</summary>
    Hdf5,

    /// <summary>.mat: a MATLAB v7.3 file (HDF5 with a 512-byte user block, matrices stored column-major).</summary>
    Mat,

    /// <summary>.csv: A as rows of numbers without a header; the vectors come from sibling files.</summary>
    Csv,

    /// <summary>.mtx: A as a MatrixMarket coordinate or array matrix; the vectors come from sibling files.</summary>
    MatrixMarket,
}
