using ImplicitBias.Symbolic.Experiments.Data;

namespace ImplicitBias.Symbolic.Tests.Experiments.Data;

/// <summary>The format of a problem file comes from its extension.</summary>
public class ProblemFileFormatTests
{
    [Theory]
    [InlineData("p.json", ProblemFileFormat.Json)]
    [InlineData("dir/p.npz", ProblemFileFormat.Npz)]
    [InlineData("p.npy", ProblemFileFormat.Npy)]
    [InlineData("p.h5", ProblemFileFormat.Hdf5)]
    [InlineData("p.HDF5", ProblemFileFormat.Hdf5)]
    [InlineData("p.mat", ProblemFileFormat.Mat)]
    [InlineData("p.y.csv", ProblemFileFormat.Csv)]
    [InlineData("p.mtx", ProblemFileFormat.MatrixMarket)]
    public void The_extension_chooses_the_format(string path, ProblemFileFormat format) =>
        Assert.Equal(format, ProblemFiles.FormatOf(path));

    [Theory]
    [InlineData("p.txt", "p.txt: unknown problem file type \".txt\"")]
    [InlineData("problem", "problem: unknown problem file type \"\"")]
    public void An_unknown_extension_lists_the_accepted_ones(string path, string start)
    {
        var read = Assert.Throws<SymbolicException>(() => ProblemFiles.Read(path));
        Assert.Equal(start + "; expected one of .json, .npz, .npy, .h5, .hdf5, .mat, .csv, .mtx", read.Message);
        var write = Assert.Throws<SymbolicException>(() =>
            ProblemFiles.Write(path, new ProblemArrays(Fixtures.Dense, Fixtures.Y)));
        Assert.Equal(read.Message, write.Message);
    }
}
