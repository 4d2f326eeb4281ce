using ImplicitBias.Symbolic.Flow;

namespace ImplicitBias.Symbolic.Tests.Flow;

/// <summary>The adaptive integrators on problems with known solutions.</summary>
public class OdeIntegratorTests
{
    /// <summary>
    /// y′ = −Λy with a dense Jacobian solve; the monitor's "loss" is the time, so runs stop at a time limit.
    /// </summary>
    private sealed class Linear(double[] rates) : IOdeSystem, IFlowMonitor
    {
        private double _sigmaFactor;
        private readonly double[] _rates = rates;
        public int Dimension => _rates.Length;
        public bool Evaluate(ReadOnlySpan<double> y, Span<double> dydt)
        {
            for (int i = 0; i < y.Length; i++) dydt[i] = -_rates[i] * y[i];
            return true;
        }
        public void PrepareJacobian(ReadOnlySpan<double> y, ReadOnlySpan<double> dydt) => _sigmaFactor = 1;
        public bool Solve(double sigma, Span<double> rhs)
        {
            for (int i = 0; i < rhs.Length; i++) rhs[i] /= sigma + _rates[i] * _sigmaFactor; // (σI − J) with J = −Λ
            return true;
        }
        public FlowMeasure Measure(ReadOnlySpan<double> y) => new(1, 1, 1);
    }

    private static OdeSettings Settings(int n, bool stiff, double rtol = 1e-10) =>
        new(rtol, Enumerable.Repeat(rtol * 1e-3, n).ToArray(), 0, 0, 0, 2.0, 1_000_000, stiff, false, 0, null, default);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exponential_decay_is_integrated_to_the_tolerance(bool rosenbrock)
    {
        var run = OdeIntegrator.Run(new Linear([1.0, 3.0]), [1.0, 2.0], new Linear([1.0]), Settings(2, rosenbrock));
        Assert.Equal(2.0, run.Time, 12);
        Assert.Equal(Math.Exp(-2), run.Y[0], 8);
        Assert.Equal(2 * Math.Exp(-6), run.Y[1], 8);
    }

    [Fact]
    public void Rosenbrock_takes_large_steps_on_a_stiff_problem()
    {
        var run = OdeIntegrator.Run(new Linear([1.0, 1e6]), [1.0, 1.0], new Linear([1.0]),
            Settings(2, stiff: true, rtol: 1e-8));
        Assert.Equal(Math.Exp(-2), run.Y[0], 6);
        Assert.True(run.Steps < 20_000, $"{run.Steps} steps"); // accuracy-limited; an explicit method would need ~10⁶
    }

    [Fact]
    public void Dormand_Prince_detects_stiffness_and_switches()
    {
        var settings = Settings(2, stiff: false, rtol: 1e-8) with { SwitchWhenStiff = true };
        var run = OdeIntegrator.Run(new Linear([1.0, 1e5]), [1.0, 1.0], new Linear([1.0]), settings);
        Assert.Equal(FlowIntegrator.RungeKuttaThenRosenbrock, run.Integrator);
        Assert.Equal(Math.Exp(-2), run.Y[0], 6);
    }
}
