using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework(
    "Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure.PostgresAwareTestFramework",
    "Mariachi.Adapters.EntityFrameworkCore.Tests")]

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Marks a test class that needs the PostgreSQL server of <see cref="PostgresServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>Marks a test class that runs PostgreSQL servers of its own (<see cref="OwnPostgres"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresBinariesAttribute : Attribute;

/// <summary>
/// xunit's test framework, except that when <see cref="PostgresServer.SkipReason"/> (or <see cref="OwnPostgres.SkipReason"/>)
/// says so, every test of a <see cref="RequiresPostgresAttribute"/> (or <see cref="RequiresPostgresBinariesAttribute"/>)
/// class is reported skipped with that reason instead of run.
/// </summary>
/// <remarks>
/// xunit 2 has no dynamic skip, and the inherited conformance suite uses plain [Fact] and [Theory], which a test class
/// cannot re-attribute. Deciding at discovery keeps the suite unchanged and shows the reason on every skipped test,
/// while CI (CI=true) never gets here: it discovers the tests normally, and a missing server fails them.
/// </remarks>
public sealed class PostgresAwareTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod,
            bool includeSourceInformation,
            IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var type = testMethod.TestClass.Class;
            var reason = type.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any() ? PostgresServer.SkipReason
                : type.GetCustomAttributes(typeof(RequiresPostgresBinariesAttribute)).Any() ? OwnPostgres.SkipReason
                : null;
            if (reason is null)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return true;
            }

            // One skipped case per method (a theory's data rows are not expanded).
            var testCase = new SkippedTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                reason);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test case reported skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string reason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        _reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
