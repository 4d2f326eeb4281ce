namespace ImplicitBias.Symbolic;

/// <summary>Progress of a running flow.</summary>
/// <param name="Time">Flow time reached (or iterations for gradient descent).</param>
/// <param name="Loss">Current loss.</param>
/// <param name="Steps">Accepted steps so far.</param>
public sealed record FlowProgress(double Time, double Loss, int Steps);
