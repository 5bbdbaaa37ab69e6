using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core
{
    /// <summary>
    /// The types the rules look for, resolved once per compilation by metadata name (the analyzers never reference
    /// Mariachi.Abstractions). Any of them may be missing: code that does not use a type cannot break its rule.
    /// </summary>
    internal sealed class KnownSymbols
    {
        public const string MariachiAssemblyName = "Mariachi.Abstractions";

        private KnownSymbols(Compilation compilation)
        {
            Compilation = compilation;
            Context = FromMariachi(compilation, "Mariachi.Context");
            Communication = FromMariachi(compilation, "Mariachi.Communication.ICommunication");
            Procedure = FromMariachi(compilation, "Mariachi.Communication.Procedure`2");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            Configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            ApiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        }

        public Compilation Compilation { get; }

        /// <summary><c>Mariachi.Context</c>; null when the compilation does not reference Mariachi.Abstractions.</summary>
        public INamedTypeSymbol? Context { get; }

        public INamedTypeSymbol? Communication { get; }

        /// <summary>The open generic <c>Mariachi.Communication.Procedure&lt;TIn, TOut&gt;</c>.</summary>
        public INamedTypeSymbol? Procedure { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? Configuration { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? PageModel { get; }

        public INamedTypeSymbol? ApiControllerAttribute { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        /// <summary>True when Mariachi.Abstractions is referenced.</summary>
        public bool HasMariachi => Context is not null;

        public static KnownSymbols Create(Compilation compilation) => new KnownSymbols(compilation);

        /// <summary>A type of Mariachi.Abstractions; a look-alike declared elsewhere does not count.</summary>
        private static INamedTypeSymbol? FromMariachi(Compilation compilation, string metadataName)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            return type?.ContainingAssembly?.Name == MariachiAssemblyName ? type : null;
        }

        public bool IsContext(ITypeSymbol? type) =>
            Context is not null && type is not null && SymbolEqualityComparer.Default.Equals(type, Context);
    }
}
