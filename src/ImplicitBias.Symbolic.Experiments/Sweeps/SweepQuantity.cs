namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>What a sweep computes for each row (the spec's <c>compute</c> list).</summary>
public enum SweepQuantity
{
    /// <summary>The Bregman projection x̂, the prediction of the theory (always computed).</summary>
    Prediction,
    /// <summary>The basis-pursuit baseline x_ℓ1 and the distance max |x̂ − x_ℓ1|.</summary>
    L1,
    /// <summary>The minimum-norm baseline x_ℓ2 and the distance max |x̂ − x_ℓ2|.</summary>
    L2,
    /// <summary>The gradient flow itself and its distance to the prediction.</summary>
    Flow,
}
