using System.Globalization;

namespace ImplicitBias.Symbolic;

/// <summary>
/// Recursive-descent parser for the text form.
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?          (right-associative; -w^2 = -(w^2))
/// primary := number | name | name '(' sum ')' | '(' sum ')'
/// number  := digits ['.' digits] [('e'|'E') ['+'|'-'] digits] ['d']   (exact unless suffixed 'd')
/// </code>
/// Nesting is bounded by <see cref="Expr.MaxDepth"/>, so no input can overflow the stack.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly Assumptions _assumptions;
    private int _pos;
    private int _nesting;
    // one node per name: cheaper to compare
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    private Parser(string text, Assumptions assumptions)
    {
        _text = text;
        _assumptions = assumptions;
    }

    public static Expr Parse(string text, Assumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, assumptions);
        try
        {
            var e = parser.ParseSum();
            parser.SkipSpace();
            if (parser._pos < text.Length)
                throw parser.Error(parser._text[parser._pos] == ')'
                    ? "unmatched ')'"
                    : $"expected an operator or end of input, found '{parser._text[parser._pos]}'");
            return e;
        }
        catch (ExpressionTooDeepException)
        {
            throw parser.Error($"expression nested deeper than {Expr.MaxDepth} levels");
        }
        catch (InsufficientExecutionStackException)
        {
            throw parser.Error("expression too deeply nested");
        }
        catch (SymbolicException s) when (s is not ParseException)
        {
            throw parser.Error(s.Message);
        }
    }

    private ParseException Error(string problem, int? at = null) => new(_text, (at ?? _pos) + 1, problem);

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private char Peek()
    {
        SkipSpace();
        return _pos < _text.Length ? _text[_pos] : '\0';
    }

    private void Enter()
    {
        if (++_nesting > Expr.MaxDepth) throw Error($"expression nested deeper than {Expr.MaxDepth} levels");
    }

    private Expr ParseSum()
    {
        var terms = new List<Expr> { ParseProduct() };
        while (true)
        {
            char c = Peek();
            if (c == '+') { _pos++; terms.Add(ParseProduct()); }
            else if (c == '-') { _pos++; terms.Add(Expr.Negate(ParseProduct())); }
            else break;
        }
        return terms.Count == 1 ? terms[0] : Expr.Add(terms);
    }

    private Expr ParseProduct()
    {
        var factors = new List<Expr> { ParseUnary() };
        while (true)
        {
            char c = Peek();
            if (c == '*') { _pos++; factors.Add(ParseUnary()); }
            else if (c == '/')
            {
                _pos++;
                int at = _pos;
                var divisor = ParseUnary();
                if (divisor is Number { Value.IsZero: true } or Real { Value: 0 }) throw Error("division by zero", at);
                factors.Add(Expr.Pow(divisor, Expr.MinusOne));
            }
            else break;
        }
        return factors.Count == 1 ? factors[0] : Expr.Multiply(factors);
    }

    private Expr ParseUnary()
    {
        char c = Peek();
        if (c is '-' or '+')
        {
            _pos++;
            Enter();
            var operand = ParseUnary();
            _nesting--;
            return c == '-' ? Expr.Negate(operand) : operand;
        }
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var b = ParsePrimary();
        if (Peek() != '^') return b;
        _pos++;
        Enter();
        var exponent = ParseUnary();
        _nesting--;
        return Expr.Pow(b, exponent);
    }

    private Expr ParsePrimary()
    {
        char c = Peek();
        int start = _pos;
        if (c == '\0') throw Error("unexpected end of input, expected a number, a name or '('");
        if (c == '(')
        {
            _pos++;
            Enter();
            var inner = ParseSum();
            _nesting--;
            if (Peek() != ')')
                throw Error(_pos < _text.Length
                    ? $"expected ')' to close '(' at column {start + 1}, found '{_text[_pos]}'"
                    : $"expected ')' to close '(' at column {start + 1}");
            _pos++;
            return inner;
        }
        if (char.IsAsciiDigit(c) || c == '.') return ParseNumber();
        if (char.IsAsciiLetter(c)) return ParseName();
        if (c == ')') throw Error("expected a number, a name or '(', found ')'");
        throw Error(c is '*' or '/' or '^' or ','
            ? $"expected a number, a name or '(', found '{c}'"
            : $"unexpected character '{c}'");
    }

    private Expr ParseNumber()
    {
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && (_text[_pos] is 'e' or 'E'))
        {
            int save = _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-') _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            else throw Error("expected digits in the exponent of a number", _pos);
            _ = save;
        }
        var literal = _text.AsSpan(start, _pos - start);
        if (literal is "." ) throw Error("expected digits", start);
        if (_pos < _text.Length && _text[_pos] == 'd'
            && !(_pos + 1 < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos + 1]) || _text[_pos + 1] == '_')))
        {
            _pos++;
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                || !double.IsFinite(d))
                throw Error($"floating-point literal '{literal}d' is out of range", start);
            return Expr.FromDouble(d);
        }
        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_'))
            throw Error($"expected an operator after the number '{literal}', found '{_text[_pos]}' "
                + $"(write 2*x, not 2x)");
        if (!Rational.TryParseDecimal(literal, out var value))
            throw Error($"number '{literal}' is malformed or its exponent exceeds {Rational.MaxDecimalExponent}",
                start);
        return Expr.FromRational(value);
    }

    private Expr ParseName()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        var name = _text[start.._pos];
        bool call = Peek() == '(';
        if (name == Lexicon.Sqrt || Lexicon.TryGetFunction(name, out _))
        {
            if (!call) throw Error($"expected '(' after the function name '{name}'");
            int open = _pos++;
            Enter();
            var argument = ParseSum();
            _nesting--;
            char next = Peek();
            if (next == ',') throw Error($"function '{name}' takes one argument");
            if (next != ')')
                throw Error(next == '\0'
                    ? $"expected ')' to close '{name}(' at column {open + 1}"
                    : $"expected ')' to close '{name}(' at column {open + 1}, found '{next}'");
            _pos++;
            return name == Lexicon.Sqrt
                ? Expr.Sqrt(argument)
                : Expr.Apply(Lexicon.TryGetFunction(name, out var f) ? f : default, argument);
        }
        if (call) throw Error($"unknown function '{name}' (known: {string.Join(", ", Lexicon.FunctionNames)})", start);
        if (Lexicon.TryGetConstant(name, out var constant)) return constant switch { MathConstant.Pi => Expr.Pi };
        if (name == Lexicon.EulerNumber) return Expr.Exp(Expr.One);
        if (Lexicon.IsReserved(name)) throw Error($"'{name}' is reserved and cannot name a symbol", start);
        if (!_symbols.TryGetValue(name, out var symbol))
            _symbols[name] = symbol = Expr.Var(name, _assumptions.DomainOf(name));
        return symbol;
    }
}
