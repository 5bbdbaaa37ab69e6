using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0014 (handler-for-every-service): in a compilation that registers at least one procedure, a service class
/// that no <c>Register</c> handler calls and no other service, procedure module or hosted service uses
/// (<see cref="ServiceExposure"/>). It needs every file, so it reports at compilation end, once per type, at its
/// name. Test projects are skipped unless <c>mariachi.include_test_projects</c> is set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServiceNotExposedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ServiceNotExposed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Registering needs ICommunication: nothing to do where no code can reach a Mariachi type (ContextReach).
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken) || !symbols.HasMariachi || symbols.Communication is null)
            {
                return;
            }

            var options = OptionsCache.Of(start.Compilation, start.Options);
            if (Layers.IsTestProject(start.Compilation) && !options.Global.IncludeTestProjects)
            {
                return;
            }

            var exposure = new ServiceExposure(symbols, options);
            start.RegisterSymbolAction(exposure.AnalyzeType, SymbolKind.NamedType);
            start.RegisterOperationAction(exposure.AnalyzeUse, ServiceExposure.UseKinds);
            start.RegisterOperationAction(exposure.AnalyzeRegistration, OperationKind.Invocation);
            start.RegisterCompilationEndAction(exposure.Report);
        });
    }
}
