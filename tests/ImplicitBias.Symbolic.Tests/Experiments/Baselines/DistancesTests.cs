using ImplicitBias.Symbolic.Experiments.Baselines;

namespace ImplicitBias.Symbolic.Tests.Experiments.Baselines;

public class DistancesTests
{
    [Fact]
    public void Max_abs_and_Euclidean_distances_of_known_vectors()
    {
        Assert.Equal(4, Distances.MaxAbs([1, 2, 3], [1, -2, 0]));
        Assert.Equal(5, Distances.Euclidean([3, 0], [0, 4]));
        Assert.Equal(0, Distances.Euclidean([], []));
        Assert.Equal(5e200, Distances.Euclidean([3e200, 0], [0, 4e200]), 1e188);
        Assert.Throws<ArgumentException>(() => Distances.MaxAbs([1], [1, 2]));
        Assert.Throws<ArgumentException>(() => Distances.Euclidean([1], []));
    }
}
