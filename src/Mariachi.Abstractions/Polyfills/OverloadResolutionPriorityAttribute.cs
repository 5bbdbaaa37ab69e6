#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>
/// The C# 13 overload priority, declared for the net8.0 build (the compiler matches it by name): it lets an
/// <c>async</c> lambda handler bind to the <see cref="System.Threading.Tasks.ValueTask{TResult}"/> overloads of
/// <c>Register</c> instead of being ambiguous with the <see cref="System.Threading.Tasks.Task{TResult}"/> ones.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}
#endif
