using System.IO.Compression;
using System.Text;
using ImplicitBias.Symbolic.Experiments.Data;
using ImplicitBias.Symbolic.Tests.Support;
using PureHDF;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>
/// Broken, hostile and mismatched files: each read fails with a <see cref="SymbolicException"/> that names the file,
/// the array and the entry, and a header that claims more than its file holds fails before that much is allocated.
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Message(string name) =>
        Assert.Throws<SymbolicException>(() => ProblemFiles.Read(_folder.File(name))).Message;

    private void Text(string name, string text) => File.WriteAllText(_folder.File(name), text);

    private void Bytes(string name, byte[] bytes) => File.WriteAllBytes(_folder.File(name), bytes);

    /// <summary>A .npz whose arrays are written by the given writers.</summary>
    private void Npz(string name, params (string Entry, Action<Stream> Write)[] arrays)
    {
        using var zip = ZipFile.Open(_folder.File(name), ZipArchiveMode.Create);
        foreach (var (entry, write) in arrays)
        {
            using var stream = zip.CreateEntry(entry).Open();
            write(stream);
        }
    }

    /// <summary>A .npy array: the given header dict after a version 1.0 preamble, then the data.</summary>
    private static byte[] Npy(string dict, byte[] data, byte major = 1)
    {
        var header = Encoding.ASCII.GetBytes(dict + "\n");
        var prefix = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        prefix.AddRange(major == 1
            ? BitConverter.GetBytes((ushort)header.Length) : BitConverter.GetBytes(header.Length));
        return [.. prefix, .. header, .. data];
    }

    private static Action<Stream> Doubles(params double[] values) => s => NpyFormat.Write(s, values, values.Length);

    private void WithY(string stem) => File.Copy(Fixtures.Path("problem.y.csv"), _folder.File(stem + ".y.csv"));

    [Fact]
    public void A_missing_file_is_named()
    {
        Assert.StartsWith("nope.npz: no such file (", Message("nope.npz"));
        Assert.StartsWith("nope.h5: no such file (", Message("nope.h5"));
    }

    [Fact]
    public void A_truncated_npy_says_how_much_data_is_missing()
    {
        Bytes("t.npy", File.ReadAllBytes(Fixtures.Path("matrix.npy"))[..200]);
        WithY("t");
        Assert.Equal("t.npy: array \"A\" is truncated: shape (3, 5) of '<f8' needs 120 bytes of data, the file has 72",
            Message("t.npy"));
        Bytes("t.npy", File.ReadAllBytes(Fixtures.Path("matrix.npy"))[..40]);
        Assert.Equal("t.npy: array \"A\" is truncated inside its header", Message("t.npy"));
    }

    [Fact]
    public void A_header_claiming_a_huge_shape_is_refused_before_allocating()
    {
        // 40000² doubles would be 12.8 GB: the claim is held against the 8 bytes that follow the header
        Bytes("t.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }", new byte[8]));
        WithY("t");
        Assert.Equal("t.npy: array \"A\" is truncated: shape (40000, 40000) of '<f8' needs 12800000000 bytes of data, "
            + "the file has 8", Message("t.npy"));
        Npz("t.npz", ("A.npy", s => s.Write(Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }",
            new byte[8]))));
        Assert.Equal("t.npz: array \"A\" is truncated: shape (40000, 40000) of '<f8' needs 12800000000 bytes of data, "
            + "the file has 8", Message("t.npz"));
        Bytes("t.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", []));
        Assert.Equal($"t.npy: array \"A\" has shape (100000, 100000), more than {Array.MaxLength} entries",
            Message("t.npy"));
    }

    [Fact]
    public void A_chunked_hdf5_dataset_claiming_more_than_the_file_could_hold_is_refused() =>
        Assert.Equal("hostile.h5: dataset \"/A\" claims shape (40000, 40000) (12800000000 bytes), more than the file "
            + "holds", Assert.Throws<SymbolicException>(() => ProblemFiles.Read(Fixtures.Path("hostile.h5"))).Message);

    public static TheoryData<string, string> BadNpyHeaders => new()
    {
        { "{'descr': '>f8', 'fortran_order': False, 'shape': (3, 5), }",
            "t.npy: array \"A\" has dtype '>f8', big-endian; save it little-endian (a.astype('<f8'))" },
        { "{'descr': '|b1', 'fortran_order': False, 'shape': (3, 5), }",
            "t.npy: array \"A\" has dtype '|b1'; expected a real float or integer type "
            + "('<f8', '<f4', '<i8' or '<i4')" },
        { "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,), }",
            "t.npy: array \"A\" has a header that is not a plain array's ({'descr': [('a', '<f8')], 'fortran_order': "
            + "False, 'shape': (3,), }); structured dtypes are not read" },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (15,), }",
            "t.npy: array \"A\" has shape (15,); expected a 2-d matrix" },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 5), }",
            "t.npy: array \"A\" has shape (0, 5); A needs at least one row and one column" },
    };

    [Theory]
    [MemberData(nameof(BadNpyHeaders))]
    public void A_npy_array_that_is_not_a_real_matrix_is_refused(string dict, string message)
    {
        Bytes("t.npy", Npy(dict, new byte[120]));
        WithY("t");
        Assert.Equal(message, Message("t.npy"));
    }

    [Fact]
    public void A_file_without_the_npy_magic_or_with_a_bad_version_is_refused()
    {
        WithY("t");
        Text("t.npy", "A,y\n1,2\n");
        Assert.Equal("t.npy: array \"A\" is not a NumPy .npy array (no \\x93NUMPY magic)", Message("t.npy"));
        Bytes("t.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 5), }", new byte[120], major: 9));
        Assert.Equal("t.npy: array \"A\" has .npy format version 9.0; expected 1.0, 2.0 or 3.0", Message("t.npy"));
    }

    [Fact]
    public void Version_2_and_fortran_order_headers_are_read()
    {
        var fortran = Npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
            [.. new double[] { 1, 4, 2, 5, 3, 6 }.SelectMany(BitConverter.GetBytes)], major: 2);
        Npz("f.npz", ("A.npy", s => s.Write(fortran)), ("y.npy", Doubles(7, 8)));
        Assert.Equal(new ProblemArrays(new DenseMatrix(2, 3, [1, 2, 3, 4, 5, 6]), [7, 8]),
            ProblemFiles.Read(_folder.File("f.npz")));
        Assert.Equal(new ProblemArrays(Fixtures.Dense, Fixtures.Y), ProblemFiles.Read(Fixtures.Path("version2.npz")));
    }

    [Fact]
    public void Npz_arrays_that_do_not_fit_together_are_named()
    {
        Npz("t.npz", ("A.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)), ("y.npy", Doubles(1, 2)));
        Assert.Equal("t.npz: array \"y\" has 2 entries, expected 3 (one per row of A)", Message("t.npz"));
        Npz("u.npz", ("A.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)), ("y.npy", Doubles(Fixtures.Y)),
            ("w0.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)));
        Assert.Equal("u.npz: array \"w0\" has shape (3, 5); expected a vector", Message("u.npz"));
        Npz("v.npz", ("A.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)));
        Assert.Equal("v.npz: no array \"y\" (the data, one entry per row of A)", Message("v.npz"));
        Npz("w.npz", ("A.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)), ("y.npy", Doubles(Fixtures.Y)),
            ("w_0.npy", Doubles(Fixtures.W0)));
        Assert.StartsWith("w.npz: unknown array \"w_0.npy\" (expected \"A\", \"data\",", Message("w.npz"));
        Npz("x.npz", ("y.npy", Doubles(Fixtures.Y)), ("init.npy", Doubles(1, 2)));
        Assert.StartsWith("x.npz: no array \"A\" (the M×N matrix) and no scipy.sparse CSR arrays", Message("x.npz"));
    }

    [Fact]
    public void A_sparse_npz_is_checked_like_a_csr_matrix()
    {
        (string, Action<Stream>)[] Sparse(string format, int[] indices) =>
        [
            ("data.npy", Doubles(1, 2)), ("indices.npy", s => NpyFormat.Write(s, indices, indices.Length)),
            ("indptr.npy", s => NpyFormat.Write(s, (ReadOnlySpan<int>)[0, 2, 2, 2], 4)),
            ("shape.npy", s => NpyFormat.Write(s, (ReadOnlySpan<long>)[3, 5], 2)),
            ("format.npy", s => NpyFormat.WriteText(s, format)), ("y.npy", Doubles(Fixtures.Y)),
        ];
        Npz("t.npz", Sparse("csr", [1, 9]));
        Assert.Equal("t.npz: indices[1] = 9 is outside the columns 0 … 4 of A (row 0)", Message("t.npz"));
        Npz("u.npz", Sparse("csc", [1, 2]));
        Assert.Equal("u.npz: array \"format\" is 'csc'; only CSR is read (save A.tocsr() with scipy.sparse.save_npz)",
            Message("u.npz"));
        Npz("v.npz", Sparse("csr", [1, 2])[1..]);
        Assert.Equal("v.npz: a scipy.sparse A needs the arrays data, indices, indptr, shape, format; missing data",
            Message("v.npz"));
        Npz("w.npz", [("A.npy", s => NpyFormat.Write(s, Fixtures.A, 3, 5)), .. Sparse("csr", [1, 2])]);
        Assert.Equal("w.npz: both \"A\" and scipy.sparse arrays (data, indices, indptr, shape, format) are given; "
            + "keep one form of A", Message("w.npz"));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_or_hdf5_is_refused()
    {
        Text("t.npz", "not a zip");
        Assert.StartsWith("t.npz: not a NumPy .npz file: it is not a zip archive (", Message("t.npz"));
        Text("t.h5", "not HDF5 either, though long enough to have a signature somewhere after 512 bytes");
        Assert.Equal("t.h5: not an HDF5 file (no HDF5 signature)", Message("t.h5"));
        Bytes("t.mat", Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: GLNXA64".PadRight(600)));
        Assert.Equal("t.mat: a MATLAB v5 MAT-file; only v7.3 files are read (they are HDF5: save it with "
            + "save(..., '-v7.3'))", Message("t.mat"));
    }

    [Fact]
    public void A_missing_or_mismatched_hdf5_dataset_is_named()
    {
        new H5File { ["A"] = new H5Dataset(Fixtures.A, fileDims: [3, 5]) }.Write(_folder.File("t.h5"));
        Assert.Equal("t.h5: no dataset \"/y\" (the data, one entry per row of A)", Message("t.h5"));
        new H5File { ["y"] = Fixtures.Y }.Write(_folder.File("u.h5"));
        Assert.Equal("u.h5: no dataset \"/A\" (the M×N matrix)", Message("u.h5"));
        new H5File { ["A"] = new H5Dataset(Fixtures.A, fileDims: [3, 5]), ["y"] = Fixtures.W0 }
            .Write(_folder.File("v.h5"));
        Assert.Equal("v.h5: dataset \"/y\" has 5 entries, expected 3 (one per row of A)", Message("v.h5"));
        new H5File { ["A"] = new H5Dataset(Fixtures.A, fileDims: [3, 5]), ["y"] = Fixtures.Y, ["truth"] = "x" }
            .Write(_folder.File("w.h5"));
        Assert.Equal("w.h5: dataset \"/truth\" has type VariableLength (16 bytes); expected a real float or integer "
            + "type", Message("w.h5"));
        var group = new H5Group
        {
            ["data"] = new double[] { 1 }, ["indices"] = new[] { 0 }, ["indptr"] = new[] { 0, 1 },
        };
        new H5File { ["A"] = group, ["y"] = new double[] { 1 } }.Write(_folder.File("x.h5"));
        Assert.Equal("x.h5: group \"/A\" has no attribute \"shape\" (a CSR A is a group of datasets data, indices, "
            + "indptr with the attribute shape = [rows, columns])", Message("x.h5"));
    }

    [Fact]
    public void A_mat_variable_that_is_not_numeric_is_refused()
    {
        var text = new H5Dataset(new ushort[] { 104, 105 }, fileDims: [2, 1]);
        text.Attributes["MATLAB_class"] = "char";
        new H5File { ["A"] = text, ["y"] = Fixtures.Y }.Write(_folder.File("m.mat"));
        Assert.Equal("m.mat: dataset \"/A\" is a MATLAB char; expected a numeric matrix (double)", Message("m.mat"));
    }

    [Fact]
    public void A_ragged_or_non_numeric_csv_is_named_by_row_and_line()
    {
        WithY("t");
        Text("t.csv", "1,2,3\n\n4,5\n");
        Assert.Equal("t.csv: row 1 (line 3) has 2 entries, expected 3", Message("t.csv"));
        Text("t.csv", "1,2,3\n4,x,6\n");
        Assert.Equal("t.csv: row 1 (line 2), column 1: \"x\" is not a number", Message("t.csv"));
        Text("t.csv", "1,2,3\n4,nan,6\n7,8,9\n");
        Assert.Equal("t.csv: A[1][1] is not a finite number (NaN)", Message("t.csv"));
        Text("t.csv", "");
        Assert.Equal("t.csv: no rows (A is one line of comma-separated numbers per row)", Message("t.csv"));
    }

    [Fact]
    public void A_sibling_vector_is_checked_in_its_own_file()
    {
        File.Copy(Fixtures.Path("problem.csv"), _folder.File("t.csv"));
        Assert.Equal("t.csv: no y; it goes in t.y.csv or t.y.npy next to it", Message("t.csv"));
        Text("t.y.csv", "1\n2\n");
        Assert.Equal("t.y.csv: y has 2 entries, expected 3 (one per row of A)", Message("t.csv"));
        Text("t.y.csv", "1,2,3\n4,5,6\n");
        Assert.Equal("t.y.csv: y must be one number per line or a single line of numbers; row 0 has 3 entries",
            Message("t.csv"));
        Text("t.y.csv", "1,2,3\n");
        Text("t.w0.csv", "1\n2\n3\n4\nNaN\n");
        Assert.Equal("t.w0.csv: w0[4] is not a finite number (NaN)", Message("t.csv"));
        File.Copy(Fixtures.Path("matrix.y.npy"), _folder.File("t.y.npy"));
        Assert.Equal("t.csv: both t.y.csv and t.y.npy give y; keep one", Message("t.csv"));
    }

    [Fact]
    public void A_matrix_market_file_without_its_y_sibling_is_refused()
    {
        File.Copy(Fixtures.Path("coordinate.mtx"), _folder.File("t.mtx"));
        Assert.Equal("t.mtx: no y; it goes in t.y.csv or t.y.npy next to it", Message("t.mtx"));
    }

    public static TheoryData<string, string> BadMatrixMarket => new()
    {
        { "%%MatrixMarket matrix coordinate complex general\n3 5 0\n",
            "t.mtx: line 1: the field is \"complex\"; only real, integer and pattern matrices are read" },
        { "%MatrixMarket matrix\n", "t.mtx: line 1 is not a MatrixMarket banner (%%MatrixMarket matrix coordinate "
            + "real general): \"%MatrixMarket matrix\"" },
        { "%%MatrixMarket matrix coordinate real general\n% comment\n3 5 2\n1 1 1\n4 1 1\n",
            "t.mtx: line 5: the row \"4\" is not in 1 … 3" },
        { "%%MatrixMarket matrix coordinate real general\n3 5 3\n1 1 1\n2 2 2\n",
            "t.mtx: the size line declares 3 entries, the file has 2" },
        { "%%MatrixMarket matrix coordinate real general\n3 5 1\n1 1 1\n2 2 2\n",
            "t.mtx: line 4: more entries than the 1 of the size line" },
        { "%%MatrixMarket matrix coordinate real general\n3 5 1\n1 1\n",
            "t.mtx: line 3: expected 3 numbers (row column value), found \"1 1\"" },
        { "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n1 2 5\n",
            "t.mtx: line 3: entry (1, 2) is above the diagonal; a symmetric file stores the lower triangle" },
        { "%%MatrixMarket matrix array real general\n3 2\n1\n2\n3\n4\n5\n",
            "t.mtx: the size line asks for 6 values, the file has 5" },
        { "%%MatrixMarket matrix coordinate real general\n3 5 1\n1 1 nan\n",
            "t.mtx: data[0] (A[0][0]) is not a finite number (NaN)" },
    };

    [Theory]
    [MemberData(nameof(BadMatrixMarket))]
    public void A_malformed_matrix_market_file_is_named_by_line(string text, string message)
    {
        WithY("t");
        Text("t.mtx", text);
        Assert.Equal(message, Message("t.mtx"));
    }

    [Fact]
    public void Matrix_market_reads_duplicates_patterns_skew_and_array_forms()
    {
        Text("t.y.csv", "1\n2\n");
        Text("t.mtx", "%%MatrixMarket matrix coordinate integer general\n2 3 3\n1 3 2\n1 3 5\n2 1 -1\n");
        Assert.Equal(new DenseMatrix(2, 3, [0, 0, 7, -1, 0, 0]).ToCsr(), ProblemFiles.Read(_folder.File("t.mtx")).A);
        Text("t.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n");
        Assert.Equal(new DenseMatrix(2, 2, [0, 1, 1, 0]).ToCsr(), ProblemFiles.Read(_folder.File("t.mtx")).A);
        Text("t.mtx", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 3\n");
        Assert.Equal(new DenseMatrix(2, 2, [0, -3, 3, 0]).ToCsr(), ProblemFiles.Read(_folder.File("t.mtx")).A);
        Text("t.mtx", "%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n");
        Assert.Equal(new DenseMatrix(2, 2, [1, 2, 2, 3]), ProblemFiles.Read(_folder.File("t.mtx")).A);
    }

    [Fact]
    public void A_bad_json_problem_is_named_as_problem_from_json_names_it()
    {
        Text("t.json", """{"A": [[1, 2, 3], [4, 5]], "y": [1, 2]}""");
        Assert.Equal("t.json: row 1 of A has 2 entries, expected 3", Message("t.json"));
        Text("t.json", """{"A": [[1, 2]], "y": [1], "w_0": [1, 2]}""");
        Assert.StartsWith("t.json: unknown field \"w_0\" (expected \"A\", \"y\",", Message("t.json"));
        Text("t.json", """{"A": [[1, 2]], "y": [1], "truth": [1, "2"]}""");
        Assert.Equal("t.json: truth[1] is not a finite number (found \"2\")", Message("t.json"));
        Text("t.json", """{"A": [[1, 2]], "y": [1, 2]}""");
        Assert.Equal("t.json: y has 2 entries, expected 1 (one per row of A)", Message("t.json"));
        Text("t.json", "{\"A\": [[1, 2]],");
        Assert.StartsWith("t.json: not valid JSON: ", Message("t.json"));
    }
}
