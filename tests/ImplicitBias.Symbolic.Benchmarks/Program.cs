using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ImplicitBias.Symbolic;

// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- tables
//     (per-row timings of the tables)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- flow
//     (flow and projection scenarios)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- readability
//     (printed sizes vs shortest and SymPy)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- derivations
//     (warm derivation time per catalog case)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- sweep
//     (rows per second of a prediction-only sweep against a numpy/SciPy script)
// dotnet run -c Release --project tests/ImplicitBias.Symbolic.Benchmarks -- sparse
//     (the projection on sparse A up to 1000×10⁶ with 10⁷ entries, against SciPy)
if (args is ["tables", ..]) ImplicitBias.Symbolic.Benchmarks.TableTimings.Run();
else if (args is ["readability", ..]) ImplicitBias.Symbolic.Benchmarks.ReadabilityReport.Run();
else if (args is ["derivations", ..]) ImplicitBias.Symbolic.Benchmarks.ReadabilityReport.Derivations();
else if (args is ["flow", ..]) ImplicitBias.Symbolic.Benchmarks.FlowTimings.Run();
else if (args is ["sweep", ..]) ImplicitBias.Symbolic.Benchmarks.SweepThroughput.Run();
else if (args is ["sparse", ..]) ImplicitBias.Symbolic.Benchmarks.SparseTimings.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

namespace ImplicitBias.Symbolic.Benchmarks
{
    /// <summary>
    /// 1000 evaluation points per invocation, so the delegate call overhead is amortized the same way for both sides.
    /// </summary>
    public static class Points
    {
        public const int Count = 1000;

        /// <summary>Points in [lo, hi], evenly spaced.</summary>
        public static double[] Grid(double lo, double hi)
        {
            var points = new double[Count];
            for (int i = 0; i < Count; i++) points[i] = lo + (hi - lo) * i / (Count - 1);
            return points;
        }

        public static double SumOver(Func<double, double> f, double[] points)
        {
            double total = 0;
            foreach (var w in points) total += f(w);
            return total;
        }
    }

    /// <summary>
    /// Compiled w*sinh(w) + log(1 + w^2) against the same formula written as a C# lambda (the baseline).
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class QuickStartFormula
    {
        private double[] _points = [];
        private Func<double, double> _handwritten = null!;
        private Func<double, double> _compiled = null!;
        private BatchFunction _batch = null!;
        private double[] _output = [];

        [GlobalSetup]
        public void Setup()
        {
            _points = Points.Grid(-3, 3);
            _output = new double[Points.Count];
            _handwritten = w => w * Math.Sinh(w) + Math.Log(1 + w * w);
            var e = Expr.Parse("w*sinh(w) + log(1 + w^2)");
            _compiled = e.Compile("w");
            _batch = e.CompileBatch("w");
        }

        [Benchmark(Baseline = true)]
        public double Handwritten() => Points.SumOver(_handwritten, _points);

        [Benchmark]
        public double Compiled() => Points.SumOver(_compiled, _points);

        [Benchmark]
        public double CompiledBatch()
        {
            _batch(_points, _output);
            double total = 0;
            foreach (var v in _output) total += v;
            return total;
        }
    }

    /// <summary>Compiled w^3 + 2*w^2 + sqrt(w) (integer powers become multiplications) against a C# lambda.</summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class PolynomialFormula
    {
        private double[] _points = [];
        private Func<double, double> _handwritten = null!;
        private Func<double, double> _compiled = null!;
        private Func<double, double> _handwrittenCanonicalOrder = null!;

        [GlobalSetup]
        public void Setup()
        {
            _points = Points.Grid(0.001, 5);
            _handwritten = w => w * w * w + 2 * w * w + Math.Sqrt(w);
            _handwrittenCanonicalOrder = w => Math.Sqrt(w) + 2 * (w * w) + w * w * w;
            _compiled = Expr.Parse("w^3 + 2*w^2 + sqrt(w)").Compile("w");
        }

        [Benchmark(Baseline = true)]
        public double Handwritten() => Points.SumOver(_handwritten, _points);

        [Benchmark]
        public double Compiled() => Points.SumOver(_compiled, _points);

        /// <summary>The lambda with its terms in the canonical order the compiler emits (sqrt(w) first): the term order
        /// alone costs as much as the whole compiled/handwritten gap.</summary>
        [Benchmark]
        public double HandwrittenCanonicalOrder() => Points.SumOver(_handwrittenCanonicalOrder, _points);
    }

    /// <summary>Parse + Simplify of a sum of 10^5 terms (the text is built once).</summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class LargeSum
    {
        private const int Terms = 100_000;
        private string _likeTerms = "";
        private string _distinctTerms = "";
        private Expr _distinctParsed = null!;
        private Expr _sineSquares = null!;

        [GlobalSetup]
        public void Setup()
        {
            // like terms: 150 distinct monomials c*x^a*y^b, each repeated about 670 times, to be collected
            var like = new StringBuilder();
            for (int k = 0; k < Terms; k++)
            {
                if (k > 0) like.Append(" + ");
                like.Append((k % 7) + 1).Append("*x^").Append(k % 50).Append("*y^").Append(k % 3);
            }
            _likeTerms = like.ToString();
            // distinct terms: k*x^k, nothing to collect, 10^5 terms to order
            var distinct = new StringBuilder();
            for (int k = 1; k <= Terms; k++)
            {
                if (k > 1) distinct.Append(" + ");
                distinct.Append(k).Append("*x^").Append(k);
            }
            _distinctTerms = distinct.ToString();
            _distinctParsed = Expr.Parse(_distinctTerms);
            // 10^4 terms sin(x + k)^2: Simplify looks for a cos(x + k)^2 partner of every term among all terms
            _sineSquares = Expr.Parse(string.Join(" + ", Enumerable.Range(1, 10_000).Select(k => $"sin(x + {k})^2")));
        }

        [Benchmark]
        public Expr ParseSimplifyLikeTerms() => Expr.Parse(_likeTerms).Simplify();

        [Benchmark]
        public Expr ParseSimplifyDistinctTerms() => Expr.Parse(_distinctTerms).Simplify();

        [Benchmark]
        public Expr ParseDistinctTerms() => Expr.Parse(_distinctTerms);

        [Benchmark]
        public Expr SimplifyDistinctTerms() => _distinctParsed.Simplify();

        [Benchmark]
        public Expr SimplifySineSquares10k() => _sineSquares.Simplify();
    }

    /// <summary>
    /// Differentiate (which simplifies) a medium-sized expression, the parse of a short formula, and compilation.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class Algebra
    {
        private const string Short = "beta*sinh(w/beta) + log(1 + w^2)";
        private Expr _medium = null!;
        private Expr _quickStart = null!;

        [GlobalSetup]
        public void Setup()
        {
            _medium = Expr.Parse(
                "beta*sinh(w/beta)*exp(-w^2/2)/sqrt(1 + w^2) + log(cosh(w))*atan(w)^2 - w^3*tanh(w) "
                + "+ asinh(w/(2*beta^2))*w - sqrt(w^2 + 4*beta^4)",
                "beta>0");
            _quickStart = Expr.Parse("w*sinh(w) + log(1 + w^2)");
        }

        [Benchmark]
        public Expr DifferentiateSimplifyMedium() => _medium.Differentiate("w").Simplify();

        [Benchmark]
        public Expr ThirdDerivativeMedium() => _medium.Differentiate("w", 3);

        [Benchmark]
        public Expr SimplifyMedium() => _medium.Simplify();

        [Benchmark]
        public Expr ParseShort() => Expr.Parse(Short);

        [Benchmark]
        public Func<double, double> CompileQuickStart() => _quickStart.Compile("w");
    }
}
