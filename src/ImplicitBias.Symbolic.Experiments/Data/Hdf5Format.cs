using System.Numerics;
using System.Text;
using PureHDF;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// HDF5 problems through PureHDF: datasets /A, /y and optionally /truth, /w0, /x0, /u0, /v0 and /init, of any real
/// float or integer type. A sparse A in a .h5 file is a group /A in the layout of anndata: datasets data, indices and
/// indptr (CSR) and the attribute shape = [rows, columns]. A MATLAB v7.3 .mat file is HDF5 behind a 512-byte user
/// block and stores matrices column-major, so an M×N matrix is an N×M dataset and a vector is 1×M; a MATLAB sparse
/// matrix is a group of CSC arrays data, ir, jc with the attribute MATLAB_sparse = M. Other objects are ignored.
/// </summary>
internal static class Hdf5Format
{
    private static readonly byte[] Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    // Deflate expands at most about 1032:1, so a chunked dataset claiming more than that many times the file's
    // size is not data the file holds (it would be fill value), and is refused before anything is allocated.
    private const long MaxExpansion = 1032;

    private static readonly string[] MatlabNumeric =
        ["double", "single", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "logical"];

    /// <summary>Reads the problem's arrays from an HDF5 (or MATLAB v7.3) file.</summary>
    public static ProblemArrays Read(string path, bool matlab)
    {
        long length = RequireSignature(path, matlab);
        try
        {
            using var native = H5File.OpenRead(path);
            IH5Group file = native;
            var reader = new Reader(file, length, matlab);
            var yDataset = reader.Dataset("y", "the data, one entry per row of A");
            var a = reader.Matrix(Count(Shape(yDataset.Space, "dataset \"/y\""), "dataset \"/y\""));
            var y = reader.Load(yDataset, "y").ToVector(a.Rows, "one per row of A");
            var vectors = new Dictionary<string, double[]>();
            foreach (var name in ProblemArrays.VectorNames.Where(file.LinkExists))
                vectors[name] = reader.Load(reader.Dataset(name), name).ToVector(a.Columns, "one per column of A");
            double? init = file.LinkExists("init") ? reader.Load(reader.Dataset("init"), "init").ToScalar() : null;
            return ProblemArrays.Create(a, y, vectors, init);
        }
        catch (Exception e) when (e is not (SymbolicException or IOException or UnauthorizedAccessException))
        {
            // PureHDF reports a damaged file with whatever exception its decoder meets
            throw new SymbolicException($"not a readable HDF5 file ({e.Message})", e);
        }
    }

    /// <summary>Writes a .h5 file: datasets for a dense A and the vectors, a CSR A as an anndata-style group.</summary>
    public static void Write(Stream stream, ProblemArrays arrays)
    {
        var file = new H5File { ["A"] = MatrixObject(arrays.A), ["y"] = arrays.Y.ToArray() };
        foreach (var name in ProblemArrays.VectorNames)
            if (arrays.Vector(name) is { } vector) file[name] = vector.ToArray();
        if (arrays.Init is { } init) file["init"] = init;
        try
        {
            file.Write(stream);
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
        {
            throw new SymbolicException($"cannot be written as HDF5 ({e.Message})", e);
        }
    }

    private static object MatrixObject(MatrixData a)
    {
        if (a is DenseMatrix dense)
            return new H5Dataset(dense.Values.ToArray(), fileDims: [(ulong)dense.Rows, (ulong)dense.Columns]);
        var csr = (CsrMatrix)a;
        var group = new H5Group
        {
            ["data"] = csr.Values.ToArray(),
            ["indices"] = csr.ColumnIndices.ToArray(),
            ["indptr"] = csr.RowPointers.ToArray(),
        };
        group.Attributes["encoding-type"] = "csr_matrix";
        group.Attributes["encoding-version"] = "0.1.0";
        group.Attributes["shape"] = new long[] { csr.Rows, csr.Columns };
        return group;
    }

    /// <summary>The file's length, once the HDF5 signature is found (at 0, 512, 1024, …, where the format allows
    /// it).</summary>
    private static long RequireSignature(string path, bool matlab)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[Signature.Length];
        for (long offset = 0; offset + Signature.Length <= stream.Length; offset = offset == 0 ? 512 : 2 * offset)
        {
            stream.Position = offset;
            stream.ReadExactly(buffer);
            if (buffer.AsSpan().SequenceEqual(Signature)) return stream.Length;
        }
        stream.Position = 0;
        var start = new byte[Math.Min(20, stream.Length)];
        stream.ReadExactly(start);
        if (matlab && Encoding.ASCII.GetString(start).StartsWith("MATLAB 5.0 MAT-file", StringComparison.Ordinal))
            throw new SymbolicException(
                "a MATLAB v5 MAT-file; only v7.3 files are read (they are HDF5: save it with save(..., '-v7.3'))");
        throw new SymbolicException("not an HDF5 file (no HDF5 signature)");
    }

    /// <summary>The reading of one open file.</summary>
    private sealed class Reader(IH5Group file, long fileLength, bool matlab)
    {
        public IH5Dataset Dataset(string name, string? hint = null)
        {
            if (!file.LinkExists(name))
                throw new SymbolicException($"no dataset \"/{name}\"{(hint is null ? "" : $" ({hint})")}");
            return file.Get(name) as IH5Dataset
                ?? throw new SymbolicException($"\"/{name}\" is not a dataset (expected an array of numbers)");
        }

        /// <summary>A, given the number of entries of /y (which bounds the rows a MATLAB sparse A may claim).</summary>
        public MatrixData Matrix(long yCount)
        {
            if (!file.LinkExists("A")) throw new SymbolicException("no dataset \"/A\" (the M×N matrix)");
            return file.Get("A") switch
            {
                IH5Dataset dataset when matlab => Load(dataset, "A").ToTransposedMatrix(),
                IH5Dataset dataset => Load(dataset, "A").ToMatrix(),
                IH5Group group when matlab => MatlabSparse(group, yCount),
                IH5Group group => CsrGroup(group),
                _ => throw new SymbolicException("\"/A\" is neither a dataset nor a group"),
            };
        }

        public NamedArray Load(IH5Dataset dataset, string name, string? path = null)
        {
            string label = $"dataset \"{path ?? "/" + name}\"";
            if (matlab) RequireMatlabNumeric(dataset, label);
            var shape = Shape(dataset.Space, label);
            long count = Count(shape, label);
            long bytes = count * dataset.Type.Size;
            long limit = dataset.Layout.Class switch
            {
                H5DataLayoutClass.Compact or H5DataLayoutClass.Contiguous => fileLength,
                H5DataLayoutClass.Chunked => fileLength * MaxExpansion,
                _ => throw new SymbolicException($"{label} is a virtual dataset; only stored data is read"),
            };
            if (bytes > limit)
                throw new SymbolicException(
                    $"{label} claims shape {NamedArray.ShapeString(shape)} ({bytes} bytes), more than the file holds");
            var (values, integer) = Values(dataset.Type, label, new DatasetSource(dataset));
            return new NamedArray(name, label, shape, values, integer);
        }

        private NamedArray Attribute(IH5Object owner, string name, string ownerLabel, string hint)
        {
            if (!owner.AttributeExists(name))
                throw new SymbolicException($"{ownerLabel} has no attribute \"{name}\" ({hint})");
            var attribute = owner.Attribute(name);
            string label = $"attribute \"{name}\" of {ownerLabel}";
            var shape = Shape(attribute.Space, label);
            if (Count(shape, label) > 16) throw new SymbolicException($"{label} has more entries than a shape");
            var (values, integer) = Values(attribute.Type, label, new AttributeSource(attribute));
            return new NamedArray(name, label, shape, values, integer);
        }

        private CsrMatrix CsrGroup(IH5Group group)
        {
            const string label = "group \"/A\"";
            if (group.AttributeExists("encoding-type")
                && group.Attribute("encoding-type").Read<string>() is var encoding && encoding != "csr_matrix")
                throw new SymbolicException($"{label} has encoding-type '{encoding}'; only csr_matrix is read");
            var (rows, columns) = Attribute(group, "shape", label,
                "a CSR A is a group of datasets data, indices, indptr with the attribute shape = [rows, columns]")
                .ToShape();
            return new CsrMatrix(rows, columns, Member(group, "indptr").ToIndices(),
                Member(group, "indices").ToIndices(), Member(group, "data").ToEntries());
        }

        /// <summary>A MATLAB sparse M×N matrix: CSC arrays, which are the CSR arrays of its N×M transpose.</summary>
        private CsrMatrix MatlabSparse(IH5Group group, long yCount)
        {
            const string label = "group \"/A\"";
            double rows = Attribute(group, "MATLAB_sparse", label, "a MATLAB sparse matrix holds its rows there")
                .ToScalar();
            if (rows != yCount)
                throw new SymbolicException(
                    $"dataset \"/y\" has {yCount} entries, expected {rows} (one per row of A: MATLAB_sparse of /A)");
            var jc = Member(group, "jc").ToIndices();
            CsrMatrix transposed;
            try
            {
                transposed = new CsrMatrix(jc.Length - 1, (int)rows, jc, Member(group, "ir").ToIndices(),
                    Member(group, "data").ToEntries());
            }
            catch (SymbolicException e)
            {
                throw new SymbolicException(
                    $"{label}, a MATLAB sparse matrix (CSC: jc as indptr, ir as indices): {e.Message}", e);
            }
            return transposed.Transpose();
        }

        private NamedArray Member(IH5Group group, string name)
        {
            if (!group.LinkExists(name) || group.Get(name) is not IH5Dataset dataset)
                throw new SymbolicException($"no dataset \"/A/{name}\"");
            return Load(dataset, name, "/A/" + name);
        }

        private static void RequireMatlabNumeric(IH5Dataset dataset, string label)
        {
            if (!dataset.AttributeExists("MATLAB_class")) return;
            string cls = dataset.Attribute("MATLAB_class").Read<string>();
            if (Array.IndexOf(MatlabNumeric, cls) < 0)
                throw new SymbolicException($"{label} is a MATLAB {cls}; expected a numeric matrix (double)");
        }
    }

    private static long[] Shape(IH5Dataspace space, string label) => space.Type switch
    {
        H5DataspaceType.Scalar => [],
        H5DataspaceType.Simple => space.Dimensions.Select(d => d > long.MaxValue ? long.MaxValue : (long)d).ToArray(),
        _ => throw new SymbolicException($"{label} is empty (a null dataspace)"),
    };

    private static long Count(long[] shape, string label)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            count = dimension == 0 ? 0 : count <= Array.MaxLength / dimension ? count * dimension : long.MaxValue;
            if (count > Array.MaxLength)
                throw new SymbolicException(
                    $"{label} has shape {NamedArray.ShapeString(shape)}, more than {Array.MaxLength} entries");
        }
        return count;
    }

    private static (double[] Values, bool Integer) Values(IH5DataType type, string label, Source source) =>
        (type.Class, type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 8) => (source.Read<double>(), false),
            (H5DataTypeClass.FloatingPoint, 4) => (Widen(source.Read<float>()), false),
            (H5DataTypeClass.FixedPoint, _) => (FixedPoint(type, label, source), true),
            _ => throw new SymbolicException(
                $"{label} has type {type.Class} ({type.Size} bytes); expected a real float or integer type"),
        };

    private static double[] FixedPoint(IH5DataType type, string label, Source source) =>
        (type.Size, type.FixedPoint.IsSigned) switch
        {
            (1, true) => Widen(source.Read<sbyte>()),
            (1, false) => Widen(source.Read<byte>()),
            (2, true) => Widen(source.Read<short>()),
            (2, false) => Widen(source.Read<ushort>()),
            (4, true) => Widen(source.Read<int>()),
            (4, false) => Widen(source.Read<uint>()),
            (8, true) => Widen(source.Read<long>()),
            (8, false) => Widen(source.Read<ulong>()),
            _ => throw new SymbolicException($"{label} has an integer type of {type.Size} bytes"),
        };

    private static double[] Widen<T>(T[] values) where T : INumberBase<T> =>
        Array.ConvertAll(values, double.CreateTruncating);

    /// <summary>A dataset or an attribute, read as an array of T (PureHDF's two Read methods differ).</summary>
    private abstract class Source
    {
        public abstract T[] Read<T>();
    }

    private sealed class DatasetSource(IH5Dataset dataset) : Source
    {
        public override T[] Read<T>() => dataset.Read<T[]>();
    }

    private sealed class AttributeSource(IH5Attribute attribute) : Source
    {
        public override T[] Read<T>() => attribute.Read<T[]>();
    }
}
