using System.Numerics.Tensors;

namespace ImplicitBias.Symbolic.Flow;

/// <summary>
/// What the stopping rules watch at a state: the loss L, ‖∇L(x)‖ = ‖Aᵀr‖, and the relative gradient
/// ‖Aᵀr‖ / (‖A‖_F ‖r‖). On a consistent A x = g⁻¹(y) the residual r lies in the range of A (up to the curvature of ℓ
/// and g), where Aᵀ is injective, so the relative gradient stays away from 0 while the loss falls; on an inconsistent
/// one r keeps a part in the null space of Aᵀ, and it tends to 0 while the loss stays positive.
/// </summary>
/// <param name="Loss">L(x).</param>
/// <param name="GradientNorm">‖Aᵀr‖.</param>
/// <param name="RelativeGradient">‖Aᵀr‖ / (‖A‖_F ‖r‖); 0 when Aᵀr = 0 ≠ r, NaN when r = 0 or x is not defined.</param>
internal readonly record struct FlowMeasure(double Loss, double GradientNorm, double RelativeGradient)
{
    /// <summary>The measure of a state outside the domain: nothing is defined.</summary>
    public static FlowMeasure Undefined => new(double.NaN, double.NaN, double.NaN);

    /// <summary>Measures the model at x.</summary>
    /// <param name="model">The linear model.</param>
    /// <param name="x">x, length N.</param>
    /// <param name="gradient">Work space, length N (receives Aᵀr).</param>
    /// <param name="scratch">Work space, length M (receives r).</param>
    /// <param name="matrixNorm">‖A‖_F.</param>
    public static FlowMeasure Of(LinearModel model, ReadOnlySpan<double> x, Span<double> gradient, Span<double> scratch,
        double matrixNorm)
    {
        double loss = model.LossValue(x, scratch);
        model.Gradient(x, gradient, scratch);
        double g = TensorPrimitives.Norm(gradient), r = TensorPrimitives.Norm(scratch[..model.Rows]);
        double relative = !(r > 0) ? double.NaN : g == 0 ? 0 : g / (matrixNorm * r);
        return new FlowMeasure(loss, g, relative);
    }
}
