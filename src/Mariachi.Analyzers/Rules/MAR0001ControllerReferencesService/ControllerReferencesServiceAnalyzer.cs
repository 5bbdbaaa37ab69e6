using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0001: controller code (controller types and minimal-API handlers) that names a service type in a type
/// position, or invokes / accesses a member declared on a service type. One diagnostic per type syntax and per
/// member use; expressions that only name a symbol whose type is a service (<c>_orders = orders;</c>) are not
/// reported, because the declaration of that symbol already was.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ControllerReferencesServiceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ControllerReferencesService);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(HandWrittenCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // Useful without Mariachi.Abstractions: it finds the dependencies to move behind ICommunication.
            var symbols = KnownSymbols.Create(start.Compilation);
            var options = OptionsCache.Of(start.Compilation, start.Options);
            if (!ControllerCode.MayExist(start.Compilation, symbols, options, start.CancellationToken))
            {
                return;
            }

            var state = new State(start.Compilation, symbols, options);
            start.RegisterSymbolStartAction(state.AnalyzeType, SymbolKind.NamedType);
        });
    }

    /// <summary>The per-compilation state: symbols, options, and the controller/service caches.</summary>
    private sealed class State
    {
        private readonly Compilation _compilation;
        private readonly OptionsCache _options;
        private readonly ControllerCode _code;
        private readonly UsingAliases _aliases;
        private readonly ServiceTypes _services;
        private readonly TypeNameFilter _serviceNames;

        public State(Compilation compilation, KnownSymbols symbols, OptionsCache options)
        {
            _compilation = compilation;
            _options = options;
            _code = new ControllerCode(compilation, symbols);
            _aliases = new UsingAliases(compilation);
            _services = new ServiceTypes(compilation);
            _serviceNames = new TypeNameFilter(compilation, _services.IsService, _services.MayDeclareServices, _aliases);
        }

        /// <summary>
        /// Decides once per type whether its members can be controller code, and looks inside only those that
        /// can: most types of a solution are neither controllers nor hold minimal-API handlers, and cost nothing.
        /// </summary>
        public void AnalyzeType(SymbolStartAnalysisContext context)
        {
            if (context.IsGeneratedCode)
            {
                return;
            }

            var type = (INamedTypeSymbol)context.Symbol;
            var scope = _code.ScopeOf(type, _options, context.CancellationToken);
            if (scope == TypeScope.None)
            {
                return;
            }

            // Actions registered here run on this type's own members only (nested types start on their own),
            // so inside a controller every node is this type's controller code and needs no classification.
            var controller = scope == TypeScope.Controller ? type : null;
            TypeSyntaxActions.Register(
                context,
                new TypeSyntaxActions.TypeAnalysis(
                    (node, model, report, cancellationToken) => AnalyzeTypeSyntax(node, model, report, controller, cancellationToken),
                    (operation, model, report, cancellationToken) => AnalyzeMemberUse(operation, model, report, controller, cancellationToken)));
        }

        private void AnalyzeTypeSyntax(
            SyntaxNode node, SemanticModel model, Action<Diagnostic> report, INamedTypeSymbol? controller, CancellationToken cancellationToken)
        {
            var options = _options.For(node.SyntaxTree);

            // Read the names before classifying the code or binding them: both bind, and most names cannot
            // denote a service. Type arguments of a generic name are reported by their own TypeArgumentList callback.
            var names = new List<NameSyntax>(1);
            TypeReferences.CollectNames(node, names);
            for (var i = names.Count - 1; i >= 0; i--)
            {
                if (!MayNameService(names[i], options, cancellationToken))
                {
                    names.RemoveAt(i);
                }
            }

            if (names.Count == 0
                || !IsControllerCode(node, model, options, controller, cancellationToken, out var codeType))
            {
                return;
            }

            var site = node is TypeArgumentListSyntax ? ReferenceSite.Declaration : ReferenceSites.OfTypeSyntax(node);
            foreach (var name in names)
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is ITypeSymbol symbol
                    && IsService(symbol, options)
                    && !IsSelf(codeType, symbol)
                    && HandWrittenCode.IsReportable(name))
                {
                    report(Diagnostic.Create(
                        DiagnosticDescriptors.ControllerReferencesService,
                        name.GetLocation(),
                        ReferenceSites.MessageArguments(site, Display(symbol))));
                }
            }
        }

        private void AnalyzeMemberUse(IOperation operation, SemanticModel model, Action<Diagnostic> report, INamedTypeSymbol? controller, CancellationToken cancellationToken)
        {
            ISymbol? member;
            var site = ReferenceSite.MemberUse;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    member = invocation.TargetMethod;
                    site = ReferenceSite.Call;
                    break;
                case IPropertyReferenceOperation property when !TypeReferences.IsInitializerTarget(property.Instance):
                    member = property.Property;
                    break;
                case IFieldReferenceOperation field when !TypeReferences.IsInitializerTarget(field.Instance) && !field.IsDeclaration:
                    member = field.Field;
                    site = field.Field.IsConst ? ReferenceSite.Constant : ReferenceSite.MemberUse;
                    break;
                case IEventReferenceOperation @event when !TypeReferences.IsInitializerTarget(@event.Instance):
                    member = @event.Event;
                    break;
                case IMethodReferenceOperation method:
                    member = method.Method;
                    site = ReferenceSite.Call;
                    break;
                default:
                    return;
            }

            var options = _options.For(operation.Syntax.SyntaxTree);
            var serviceType = ServiceOf(member, options, out var extension);
            if (serviceType is null || TypeReferences.IsInNameOf(operation))
            {
                return;
            }

            if (!IsControllerCode(operation.Syntax, model, options, controller, cancellationToken, out var codeType))
            {
                // A service method passed straight to MapGet & co. is a handler that is a service member: the
                // method group at the Map call is where the controller reaches the service.
                if (!(operation is IMethodReferenceOperation && IsMapHandlerArgument(operation, model, cancellationToken)))
                {
                    return;
                }
            }
            else if (IsSelf(codeType, serviceType))
            {
                return;
            }

            if (!HandWrittenCode.IsReportable(operation.Syntax))
            {
                return;
            }

            report(Diagnostic.Create(
                DiagnosticDescriptors.ControllerReferencesService,
                operation.Syntax.GetLocation(),
                ReferenceSites.MessageArguments(site, Display(serviceType), member, extension)));
        }

        /// <summary>
        /// The service a member use reaches: the member's own type, or for an extension method the type of its
        /// <c>this</c> parameter (<c>_push.SendUpdateAsync(x)</c> with an extension on <c>IPushService</c>).
        /// </summary>
        private INamedTypeSymbol? ServiceOf(ISymbol? member, MariachiOptions options, out bool extension)
        {
            extension = false;
            if (member?.ContainingType is not { } containing)
            {
                return null;
            }

            if (IsService(containing, options))
            {
                return containing;
            }

            if (member is IMethodSymbol { IsExtensionMethod: true } method
                && (method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters
                && parameters[0].Type is INamedTypeSymbol receiver
                && IsService(receiver, options))
            {
                extension = true;
                return receiver;
            }

            return null;
        }

        /// <summary>
        /// Controller code: anything in a <paramref name="controller"/> type, else what <see cref="ControllerCode"/>
        /// classifies as such, except the body of a service method that is itself passed as a handler.
        /// </summary>
        private bool IsControllerCode(
            SyntaxNode node,
            SemanticModel model,
            MariachiOptions options,
            INamedTypeSymbol? controller,
            CancellationToken cancellationToken,
            out INamedTypeSymbol? codeType)
        {
            if (controller is not null)
            {
                codeType = controller;
                return true;
            }

            return _code.Classify(node, model, options, cancellationToken, out codeType) switch
            {
                ControllerCodeKind.None => false,
                ControllerCodeKind.HandlerMethod => codeType is null || !IsService(codeType, options),
                _ => true,
            };
        }

        /// <summary>
        /// Reads a type name before binding it: binding costs far more, and most names in a controller are models
        /// and framework types. Only a name that looks like a service, and that some type of the compilation or its
        /// references with that name is a service (packages' types are not), or a using alias, can denote one.
        /// </summary>
        private bool MayNameService(NameSyntax name, MariachiOptions options, CancellationToken cancellationToken) =>
            SyntaxNames.LastIdentifier(name) is not { } identifier
            || _aliases.Contains(identifier, cancellationToken)
            || (Layers.MayBeServiceName(identifier, options) && _serviceNames.MayDenote(name, options, cancellationToken));

        private bool IsService(ITypeSymbol type, MariachiOptions options) => _services.IsService(type, options);

        /// <summary>
        /// True when <paramref name="serviceType"/> is the code's own type (or a base, interface or containing
        /// type of it): a type that is both a controller and a service does not reference itself.
        /// </summary>
        private static bool IsSelf(INamedTypeSymbol? codeType, ITypeSymbol serviceType)
        {
            var target = serviceType.OriginalDefinition;
            for (var type = codeType; type is not null; type = type.ContainingType)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                    {
                        return true;
                    }
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsMapHandlerArgument(IOperation operation, SemanticModel model, CancellationToken cancellationToken)
        {
            var current = operation.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation { Syntax: InvocationExpressionSyntax invocation } }
                && _code.IsMapCall(invocation, model, cancellationToken);
        }

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }
}
