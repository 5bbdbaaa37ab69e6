using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0010: application code creates a Mariachi adapter (<c>new InMemoryRepository&lt;Order&gt;()</c>) or declares a
/// field, property, parameter, local or return value of an adapter type, instead of depending on the abstraction
/// the adapter implements. Not reported: test projects, arguments of <c>IServiceCollection</c> registrations
/// (factory lambdas), and types deriving from an adapter. Compilations that reference no adapter assembly cost
/// nothing, and the declarations of a tree that spells no adapter's name are not looked at (<see cref="AdapterMentions"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdapterUsedDirectlyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AdapterUsedDirectly);

    private readonly Action<SyntaxTree>? _treeChecked;

    public AdapterUsedDirectlyAnalyzer()
    {
    }

    /// <summary>For tests: <paramref name="treeChecked"/> hears of the tree of every declaration looked at past the per-tree gate.</summary>
    internal AdapterUsedDirectlyAnalyzer(Action<SyntaxTree> treeChecked) => _treeChecked = treeChecked;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (AdapterTypes.Create(start.Compilation) is not { } adapters)
            {
                return;
            }

            var mentions = AdapterMentions.Create(start.Compilation, KnownSymbols.Create(start.Compilation));
            var state = new State(adapters, mentions, OptionsCache.Of(start.Compilation, start.Options), Layers.IsTestProject(start.Compilation), _treeChecked);
            start.RegisterOperationAction(state.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(state.AnalyzeLocals, OperationKind.VariableDeclaration);
            start.RegisterOperationAction(state.AnalyzeFunction, OperationKind.AnonymousFunction, OperationKind.LocalFunction);
            start.RegisterSymbolAction(state.AnalyzeMember, SymbolKind.Field, SymbolKind.Property, SymbolKind.Method);
        });
    }

    private sealed class State
    {
        private readonly AdapterTypes _adapters;
        private readonly AdapterMentions _mentions;
        private readonly OptionsCache _options;
        private readonly bool _isTestProject;
        private readonly Action<SyntaxTree>? _treeChecked;

        public State(AdapterTypes adapters, AdapterMentions mentions, OptionsCache options, bool isTestProject, Action<SyntaxTree>? treeChecked)
        {
            _adapters = adapters;
            _mentions = mentions;
            _options = options;
            _isTestProject = isTestProject;
            _treeChecked = treeChecked;
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_adapters.IsAdapter(creation.Type)
                && Applies(creation.Syntax.SyntaxTree, context.ContainingSymbol)
                && !AdapterTypes.IsInServiceRegistration(creation))
            {
                context.ReportDiagnostic(AdapterSite.Create(creation.Syntax, (INamedTypeSymbol)creation.Type!, "Creates"));
            }
        }

        public void AnalyzeLocals(OperationAnalysisContext context)
        {
            var declaration = (IVariableDeclarationOperation)context.Operation;
            if (declaration.Syntax is VariableDeclarationSyntax syntax
                && MayWriteAdapter(syntax.SyntaxTree, context.CancellationToken)
                && declaration.Declarators.FirstOrDefault()?.Symbol is { } local)
            {
                Check(context.ReportDiagnostic, context.ContainingSymbol, local.Type, syntax.Type, "Local '" + local.Name + "' is typed as");
            }
        }

        public void AnalyzeFunction(OperationAnalysisContext context)
        {
            if (!MayWriteAdapter(context.Operation.Syntax.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            var function = context.Operation switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (function is null || AdapterTypes.IsInServiceRegistration(context.Operation))
            {
                return;
            }

            if (context.Operation.Syntax is LocalFunctionStatementSyntax localFunction)
            {
                Check(context.ReportDiagnostic, context.ContainingSymbol, function.ReturnType, localFunction.ReturnType, "Local function '" + function.Name + "' returns");
            }

            CheckParameters(context.ReportDiagnostic, context.ContainingSymbol, function);
        }

        public void AnalyzeMember(SymbolAnalysisContext context)
        {
            var symbol = context.Symbol;
            if (symbol.IsImplicitlyDeclared || symbol.IsOverride || !AnyTreeMayWriteAdapter(symbol, context.CancellationToken))
            {
                return;
            }

            switch (symbol)
            {
                case IFieldSymbol field:
                    foreach (var reference in field.DeclaringSyntaxReferences)
                    {
                        // One report per written type, however many variables share it.
                        if (reference.GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator
                            && declaration.Variables[0] == declarator)
                        {
                            Check(context.ReportDiagnostic, field, field.Type, declaration.Type, "Field '" + field.Name + "' is typed as");
                        }
                    }

                    break;
                case IPropertySymbol property:
                    foreach (var reference in property.DeclaringSyntaxReferences)
                    {
                        // A record's positional property is reported at its parameter.
                        if (reference.GetSyntax(context.CancellationToken) is BasePropertyDeclarationSyntax declaration)
                        {
                            Check(context.ReportDiagnostic, property, property.Type, declaration.Type, "Property '" + property.Name + "' is typed as");
                        }
                    }

                    break;
                case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor
                    && method.ExplicitInterfaceImplementations.IsEmpty:
                    foreach (var reference in method.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(context.CancellationToken) is MethodDeclarationSyntax declaration)
                        {
                            Check(context.ReportDiagnostic, method, method.ReturnType, declaration.ReturnType, "Method '" + method.Name + "' returns");
                        }
                    }

                    CheckParameters(context.ReportDiagnostic, method, method);
                    break;
            }
        }

        private void CheckParameters(Action<Diagnostic> report, ISymbol? containing, IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                foreach (var reference in parameter.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is ParameterSyntax { Type: { } type })
                    {
                        Check(report, containing, parameter.Type, type, "Parameter '" + parameter.Name + "' is typed as");
                    }
                }
            }
        }

        private void Check(Action<Diagnostic> report, ISymbol? containing, ITypeSymbol type, SyntaxNode typeSyntax, string site)
        {
            var found = new List<(SyntaxNode Syntax, INamedTypeSymbol Adapter)>();
            _adapters.CollectAdapterNames(type, typeSyntax, found);
            if (found.Count == 0 || !Applies(typeSyntax.SyntaxTree, containing))
            {
                return;
            }

            foreach (var (syntax, adapter) in found)
            {
                report(AdapterSite.Create(syntax, adapter, site));
            }
        }

        /// <summary>The per-tree gate (<see cref="AdapterMentions"/>): false when the tree writes no adapter type.</summary>
        private bool MayWriteAdapter(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!_mentions.InTree(tree, cancellationToken))
            {
                return false;
            }

            _treeChecked?.Invoke(tree);
            return true;
        }

        /// <summary>
        /// True when a tree <paramref name="symbol"/> is declared in may write an adapter type: its written types (and its
        /// parameters') sit in the declarations its locations point into (read without making syntax references).
        /// </summary>
        private bool AnyTreeMayWriteAdapter(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.SourceTree is { } tree && MayWriteAdapter(tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False in test projects (unless included) and in types that derive from an adapter.</summary>
        private bool Applies(SyntaxTree tree, ISymbol? containing)
        {
            if (_isTestProject && !_options.For(tree).IncludeTestProjects)
            {
                return false;
            }

            var type = containing as INamedTypeSymbol ?? containing?.ContainingType;
            return !_adapters.IsInAdapterSubclass(type);
        }
    }
}
