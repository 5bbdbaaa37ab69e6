namespace Mariachi.Communication;

/// <summary>
/// The constant name a <see cref="Procedure{TIn, TOut}"/> handle of an assembly is created with (a static readonly
/// field or get-only static property), written by the Mariachi analyzers' catalog generator as an assembly-level
/// attribute: a compiled assembly keeps no initializer the analyzers of a referencing project could read, and a
/// shared contracts assembly is where handles usually live. Not written by hand; the runtime does not read it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ProcedureHandleNameAttribute : Attribute
{
    public ProcedureHandleNameAttribute(Type declaringType, string member, string name)
    {
        DeclaringType = declaringType;
        Member = member;
        Name = name;
    }

    /// <summary>The type that declares the handle.</summary>
    public Type DeclaringType { get; }

    /// <summary>The field or property that holds the handle.</summary>
    public string Member { get; }

    /// <summary>The procedure name the handle is created with.</summary>
    public string Name { get; }
}
