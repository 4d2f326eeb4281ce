namespace ImplicitBias.Symbolic.Experiments.Baselines;

/// <summary>
/// How <see cref="BasisPursuit"/> solves its linear program. The defaults: GLOP up to M·N = 500 000 entries of A,
/// PDLP above; tolerance 1e-10; one thread; no time limit.
/// </summary>
public sealed record BaselineOptions
{
    /// <summary>
    /// The default <see cref="PdlpThreshold"/>. Measured on dense Gaussian A (2 cores, Release): GLOP and PDLP take
    /// about the same time at 200×2000 (0.6 s), PDLP is 4× faster at 300×3000 (1 s against 4 s), 8× at 500×5000
    /// (3.6 s against 30 s) and 13× at 1000×10000 (21 s against 271 s).
    /// </summary>
    public const long DefaultPdlpThreshold = 500_000;

    private readonly BaselineSolver? _solver;
    private readonly long _pdlpThreshold = DefaultPdlpThreshold;
    private readonly double _tolerance = 1e-10;
    private readonly double? _timeLimitSeconds;
    private readonly int _threads = 1;

    /// <summary>The options used when none are given.</summary>
    public static BaselineOptions Default { get; } = new();

    /// <summary>
    /// <see cref="BaselineSolver.Glop"/> or <see cref="BaselineSolver.Pdlp"/> to force an engine; null (the
    /// default) chooses by size, see <see cref="PdlpThreshold"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An engine that does not solve linear programs.</exception>
    public BaselineSolver? Solver
    {
        get => _solver;
        init => _solver = value is null or BaselineSolver.Glop or BaselineSolver.Pdlp ? value
            : throw new ArgumentOutOfRangeException(nameof(Solver), value, "basis pursuit runs on GLOP or PDLP");
    }

    /// <summary>Without a forced <see cref="Solver"/>, PDLP solves when M·N exceeds this, GLOP otherwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative value.</exception>
    public long PdlpThreshold
    {
        get => _pdlpThreshold;
        init => _pdlpThreshold = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(PdlpThreshold), value, "must be at least 0");
    }

    /// <summary>
    /// GLOP: its primal_feasibility_tolerance and dual_feasibility_tolerance (GLOP's defaults are 1e-8). PDLP: the
    /// eps_optimal_absolute and eps_optimal_relative of its simple optimality criteria (on the ℓ2 norms of the
    /// primal and dual residuals and on the gap; PDLP's defaults are 1e-6).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a number in (0, 0.01].</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = value is > 0 and <= 0.01 ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "must lie in (0, 0.01]");
    }

    /// <summary>
    /// A wall-time limit for the solver, or null for none. A solve cut short reports
    /// <see cref="BaselineStatus.NotSolved"/> or <see cref="BaselineStatus.Feasible"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive number.</exception>
    public double? TimeLimitSeconds
    {
        get => _timeLimitSeconds;
        init => _timeLimitSeconds = value is null or > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(TimeLimitSeconds), value, "must be positive");
    }

    /// <summary>PDLP's num_threads (GLOP is single-threaded); default 1, for machines shared by several jobs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Threads), value, "must be at least 1");
    }

    /// <summary>The engine for an M×N problem: <see cref="Solver"/> if set, else by the threshold.</summary>
    internal BaselineSolver EngineFor(int rows, int columns) =>
        _solver ?? ((long)rows * columns > _pdlpThreshold ? BaselineSolver.Pdlp : BaselineSolver.Glop);
}
