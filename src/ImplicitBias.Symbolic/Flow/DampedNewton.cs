namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// The damped Newton driver of both Bregman projection methods (<see cref="DualNewton"/>, <see cref="PrimalNewton"/>):
/// factor the Jacobian, take the Newton direction, and halve the step until the method accepts the trial point. A
/// method may keep its factors for the next step; a step that fails with stale factors is retried with fresh ones.
/// </summary>
internal abstract class DampedNewton
{
    // 2⁻⁶⁰ ≈ 1e-18: a step that short changes nothing in double precision
    private const int Halvings = 60;

    /// <summary>Newton iterations taken.</summary>
    public int Iterations { get; private set; }

    /// <summary>True when Newton stopped short: a singular Jacobian or no acceptable step from fresh factors.</summary>
    public bool Stalled { get; private set; }

    /// <summary>Iterates until <see cref="Stop"/>, a stall, or <paramref name="maxIterations"/>.</summary>
    public void Run(int maxIterations)
    {
        bool refresh = true;
        while (Iterations < maxIterations && !Stop(Iterations))
        {
            Iterations++;
            if (refresh && !Factor()) { Stalled = true; return; }
            Direction();
            if (LineSearch()) { refresh = NeedsFreshJacobian; continue; }
            if (refresh) { Stalled = true; return; }
            refresh = true; // a stale Jacobian failed: refresh it before giving up
        }
    }

    /// <summary>Measures the current point (given the iterations so far); true when it is good enough.</summary>
    protected abstract bool Stop(int iteration);

    /// <summary>Forms and factors the Jacobian at the current point; false when it is singular.</summary>
    protected abstract bool Factor();

    /// <summary>The Newton direction from the current factors, and what the acceptance test compares against.</summary>
    protected abstract void Direction();

    /// <summary>Evaluates the point at step length t; true when the acceptance test takes it.</summary>
    protected abstract bool TryStep(double t);

    /// <summary>Makes the last trial point the current one.</summary>
    protected abstract void Accept();

    /// <summary>After an accepted step: whether the next one needs fresh factors (always, unless overridden).</summary>
    protected virtual bool NeedsFreshJacobian => true;

    private bool LineSearch()
    {
        double t = 1;
        for (int tries = 0; tries < Halvings; tries++, t /= 2)
        {
            if (!TryStep(t)) continue;
            Accept();
            return true;
        }
        return false;
    }
}
