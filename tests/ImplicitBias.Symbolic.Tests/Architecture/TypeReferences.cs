using System.Reflection;
using System.Reflection.Emit;

namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The types a type refers to, read by reflection: its base type and interfaces, the signatures of its fields,
/// properties, events and methods, generic constraints, attributes, local variables and catch clauses, and every
/// type, method and field token in its method bodies' IL (calls, field accesses, casts, <c>typeof</c>, allocations).
/// Constants and enum members the compiler inlines leave no token and are not seen.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
        | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value);

    /// <summary>The types <paramref name="type"/> itself refers to (not those of its nested types), deduplicated.
    /// </summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        var inherited = type.BaseType?.GetInterfaces() ?? [];
        foreach (var i in type.GetInterfaces().Except(inherited)) Add(found, i);
        AddGenericConstraints(found, type.IsGenericTypeDefinition ? type.GetGenericArguments() : []);
        AddAttributes(found, type.CustomAttributes);
        foreach (var f in type.GetFields(Declared))
        {
            Add(found, f.FieldType);
            AddAttributes(found, f.CustomAttributes);
        }
        foreach (var p in type.GetProperties(Declared))
        {
            Add(found, p.PropertyType);
            AddAttributes(found, p.CustomAttributes);
        }
        foreach (var e in type.GetEvents(Declared)) Add(found, e.EventHandlerType);
        foreach (var m in type.GetMethods(Declared)) AddMethod(found, m);
        foreach (var c in type.GetConstructors(Declared)) AddMethod(found, c);
        found.Remove(type);
        return found;
    }

    private static void AddMethod(HashSet<Type> found, MethodBase method)
    {
        AddSignature(found, method);
        AddAttributes(found, method.CustomAttributes);
        if (method.IsGenericMethodDefinition) AddGenericConstraints(found, method.GetGenericArguments());
        foreach (var p in method.GetParameters()) AddAttributes(found, p.CustomAttributes);
        var body = method.GetMethodBody();
        if (body is null) return;
        foreach (var local in body.LocalVariables) Add(found, local.LocalType);
        foreach (var clause in body.ExceptionHandlingClauses)
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause) Add(found, clause.CatchType);
        foreach (var token in MemberTokens(body.GetILAsByteArray() ?? [])) AddToken(found, method, token);
    }

    private static void AddSignature(HashSet<Type> found, MethodBase method)
    {
        if (method is MethodInfo info) Add(found, info.ReturnType);
        foreach (var p in method.GetParameters()) Add(found, p.ParameterType);
    }

    private static void AddToken(HashSet<Type> found, MethodBase method, int token)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
        {
            case Type type:
                Add(found, type);
                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
            case MethodBase called:
                Add(found, called.DeclaringType);
                AddSignature(found, called);
                if (called.IsGenericMethod) foreach (var a in called.GetGenericArguments()) Add(found, a);
                break;
        }
    }

    /// <summary>The operands of the IL instructions that name a type, method or field.</summary>
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        for (int at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
                or OperandType.InlineTok)
                yield return BitConverter.ToInt32(il, at);
            at += OperandSize(op.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static void AddGenericConstraints(HashSet<Type> found, Type[] parameters)
    {
        foreach (var p in parameters)
            foreach (var c in p.GetGenericParameterConstraints()) Add(found, c);
    }

    private static void AddAttributes(HashSet<Type> found, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var a in attributes)
        {
            Add(found, a.AttributeType);
            foreach (var argument in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                if (argument.Value is Type t) Add(found, t);
        }
    }

    /// <summary>Adds a type and the types it is built from: element types of arrays, by-refs and pointers, and the
    /// definition and arguments of a constructed generic type. Generic parameters are skipped (their constraints are
    /// added where they are declared).</summary>
    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter || type.IsFunctionPointer) return;
        if (type.HasElementType) { Add(found, type.GetElementType()); return; }
        if (type.IsConstructedGenericType)
        {
            Add(found, type.GetGenericTypeDefinition());
            foreach (var a in type.GetGenericArguments()) Add(found, a);
            return;
        }
        found.Add(type);
    }
}
