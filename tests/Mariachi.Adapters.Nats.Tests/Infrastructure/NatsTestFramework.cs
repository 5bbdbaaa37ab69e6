using System.Reflection;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Mariachi.Adapters.Nats.Tests.Infrastructure.NatsTestFramework", "Mariachi.Adapters.Nats.Tests")]

namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>
/// xunit 2 has no dynamic skip, and the conformance suites' tests are inherited plain <c>[Fact]</c>s, so a
/// skippable attribute cannot reach them. This framework decides before a test runs: a test marked
/// <see cref="RequiresNatsAttribute"/> (on its class or method) whose server is not configured is reported as
/// skipped with <see cref="NatsTestEnvironment.SkipReason"/>, and never constructed. Everything else runs as usual.
/// </summary>
public sealed class NatsTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(testCases.Select(Decide).ToArray(), executionMessageSink, executionOptions);

        private static IXunitTestCase Decide(IXunitTestCase testCase)
        {
            if (testCase.SkipReason is not null)
            {
                return testCase;
            }

            var requirement = testCase.Method.ToRuntimeMethod()?.GetCustomAttribute<RequiresNatsAttribute>()
                ?? testCase.TestMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<RequiresNatsAttribute>(inherit: true);
            if (requirement is null)
            {
                return testCase;
            }

            var classRequirement = testCase.TestMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<RequiresNatsAttribute>(inherit: true);
            var needsBinary = requirement.ServerBinary || classRequirement?.ServerBinary == true;
            return NatsTestEnvironment.SkipReason(needsBinary) is { } reason ? new SkippedTestCase(testCase, reason) : testCase;
        }
    }

    /// <summary>A test case reported as skipped with a reason; everything else is the original's.</summary>
    private sealed class SkippedTestCase : LongLivedMarshalByRefObject, IXunitTestCase
    {
        private IXunitTestCase _inner;
        private string _reason;

        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public SkippedTestCase()
        {
            _inner = null!;
            _reason = string.Empty;
        }

        public SkippedTestCase(IXunitTestCase inner, string reason)
        {
            _inner = inner;
            _reason = reason;
        }

        public string DisplayName => _inner.DisplayName;

        public string SkipReason => _reason;

        public ISourceInformation SourceInformation
        {
            get => _inner.SourceInformation;
            set => _inner.SourceInformation = value;
        }

        public ITestMethod TestMethod => _inner.TestMethod;

        public object[] TestMethodArguments => _inner.TestMethodArguments;

        public Dictionary<string, List<string>> Traits => _inner.Traits;

        public string UniqueID => _inner.UniqueID;

        public Exception InitializationException => _inner.InitializationException;

        public IMethodInfo Method => _inner.Method;

        public int Timeout => _inner.Timeout;

        public void Deserialize(IXunitSerializationInfo info)
        {
            _inner = info.GetValue<IXunitTestCase>("Inner");
            _reason = info.GetValue<string>("Reason");
        }

        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue("Inner", _inner);
            info.AddValue("Reason", _reason);
        }

        public Task<RunSummary> RunAsync(
            IMessageSink diagnosticMessageSink,
            IMessageBus messageBus,
            object[] constructorArguments,
            ExceptionAggregator aggregator,
            CancellationTokenSource cancellationTokenSource) =>
            new XunitTestCaseRunner(this, DisplayName, _reason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource)
                .RunAsync();
    }
}
