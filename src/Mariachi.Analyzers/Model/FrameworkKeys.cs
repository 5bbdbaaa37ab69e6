using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The public key tokens Microsoft signs the .NET libraries with (the shared framework, netstandard, the
/// Microsoft.Extensions and ASP.NET Core packages). An assembly signed with one is Microsoft's, so it is not built on
/// Mariachi: the rules pass over it without reading its metadata (a project references hundreds of them).
/// </summary>
internal static class FrameworkKeys
{
    private static readonly ulong[] Tokens =
    {
        0xb03f5f7f11d50a3a, // Microsoft (framework, Microsoft.* libraries)
        0x31bf3856ad364e35, // Microsoft (ASP.NET, Microsoft.Extensions.*)
        0xcc7b13ffcd2ddd51, // .NET Foundation (System.* packages, netstandard)
        0x7cec85d7bea7798e, // System.Private.CoreLib
        0xadb9793829ddae60, // ASP.NET Core (Microsoft.AspNetCore.*, Microsoft.Extensions.* packages)
        0xb77a5c561934e089, // ECMA (mscorlib, System)
    };

    public static bool IsSignedByMicrosoft(AssemblyIdentity identity)
    {
        var token = identity.PublicKeyToken;
        if (token.Length != 8)
        {
            return false;
        }

        var value = 0UL;
        foreach (var b in token)
        {
            value = (value << 8) | b;
        }

        return System.Array.IndexOf(Tokens, value) >= 0;
    }
}
