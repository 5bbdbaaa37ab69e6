using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0009RawExceptionInServiceTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<RawExceptionInServiceAnalyzer>.VerifyAsync(source, expected);

    /// <summary>Markup in <paramref name="fixedSource"/> marks what stays reported (no fix applies there).</summary>
    private static Task VerifyFix(string source, string fixedSource)
    {
        var test = new MariachiCodeFixTest<RawExceptionInServiceAnalyzer, RawExceptionInServiceCodeFix>(source, fixedSource);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    private static DiagnosticResult At(int markup, string exception, string error) =>
        new DiagnosticResult(DiagnosticDescriptors.RawExceptionInService).WithLocation(markup).WithArguments(exception, error);

    [Fact]
    public Task Throw_statements_and_expressions_of_raw_exceptions_in_a_service_are_reported_naming_the_closest_typed_error() => Verify(
        """
        using System;
        using System.Collections.Generic;
        class OrderService
        {
            private readonly Dictionary<string, int> _stock = new();

            int Reserve(string sku, int count)
            {
                if (!_stock.TryGetValue(sku, out var left))
                {
                    throw {|#0:new KeyNotFoundException($"No stock for {sku}.")|};
                }

                return left >= count ? left - count : throw {|#1:new InvalidOperationException("Not enough stock.")|};
            }

            void Forbid() => throw {|#2:new UnauthorizedAccessException("Not yours.")|};

            void Rethrow(Exception failure) => throw {|#3:failure|};
        }
        """,
        At(0, "KeyNotFoundException", "NotFoundError"),
        At(1, "InvalidOperationException", "MariachiError"),
        At(2, "UnauthorizedAccessException", "AuthError"),
        At(3, "Exception", "MariachiError"));

    [Fact]
    public Task Typed_errors_guards_cancellation_dispose_rethrows_and_non_service_code_are_not_reported() => Verify(
        """
        using System;
        using System.Threading;
        using Mariachi;
        class OrderService
        {
            void Guard(string sku, int count, CancellationToken token)
            {
                ArgumentNullException.ThrowIfNull(sku);
                if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
                if (sku.Length == 0) throw new ArgumentException("Empty.", nameof(sku));
                if (token.IsCancellationRequested) throw new OperationCanceledException(token);
                if (count == 7) throw new System.Threading.Tasks.TaskCanceledException();
                if (count == 8) throw new ObjectDisposedException(nameof(OrderService));
                if (count == 9) throw new NotFoundError(ErrorCodes.NotFound, "No order.");
                try
                {
                    Guard(sku, count - 1, token);
                }
                catch (InvalidOperationException failure)
                {
                    if (count == 10) throw;
                    throw failure;
                }
            }
        }

        namespace Grpc.Core
        {
            [AttributeUsage(AttributeTargets.Class)]
            sealed class BindServiceMethodAttribute : Attribute
            {
                public BindServiceMethodAttribute(Type bindType, string bindMethodName) { }
            }

            sealed class RpcException : Exception { }
        }

        [Grpc.Core.BindServiceMethod(typeof(BasketBase), "BindService")]
        abstract class BasketBase { }

        // A gRPC service implementation is a transport facade, whatever its name.
        sealed class BasketService : BasketBase
        {
            void Fail() => throw new Grpc.Core.RpcException();
        }

        // Data classes named like services are not services (MAR0001's definition).
        sealed class CleaningService
        {
            private int _rooms;
            public int Rooms { get => _rooms; set => _rooms = value >= 0 ? value : throw new InvalidOperationException("Negative."); }
        }

        class OrderFormatter
        {
            string Format(int count) => count > 0 ? count.ToString() : throw new InvalidOperationException("Empty.");
        }
        """);

    [Fact]
    public Task Procedure_modules_and_handlers_passed_to_Register_are_service_code() => Verify(
        """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        class OrdersModule : IProcedureModule
        {
            public void Register(ICommunication communication) { }

            void Fail() => throw {|#0:new InvalidOperationException("Module.")|};
        }

        static class Wiring
        {
            static void Wire(ICommunication communication)
            {
                communication.Register<int, int>("orders.count", (ctx, input) =>
                    input >= 0 ? Task.FromResult(input) : throw {|#1:new InvalidOperationException("Negative.")|});
                Action elsewhere = () => throw new InvalidOperationException("Not a handler.");
            }
        }
        """,
        At(0, "InvalidOperationException", "MariachiError"),
        At(1, "InvalidOperationException", "MariachiError"));

    [Fact]
    public Task Test_projects_are_skipped_unless_included()
    {
        const string Source = """
            using System;
            class OrderService
            {
                void Fail() => throw new InvalidOperationException("x");
            }
            """;
        var skipped = new MariachiAnalyzerTest<RawExceptionInServiceAnalyzer>(Source);
        skipped.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var included = new MariachiAnalyzerTest<RawExceptionInServiceAnalyzer>(Source.Replace("throw new InvalidOperationException(\"x\")", "throw {|#0:new InvalidOperationException(\"x\")|}", StringComparison.Ordinal))
            .WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        included.ExpectedDiagnostics.Add(At(0, "InvalidOperationException", "MariachiError"));
        return Task.WhenAll(skipped.RunAsync(), included.RunAsync());
    }

    [Fact]
    public Task The_fix_writes_the_closest_typed_error_keeping_the_message_and_the_inner_exception() => VerifyFix(
        """
        using System;
        using System.Collections.Generic;
        class OrderService
        {
            void Find(string id, Exception cause)
            {
                if (id.Length == 0) throw {|MAR0009:new KeyNotFoundException($"No order {id}.")|};
                if (id.Length == 1) throw {|MAR0009:new UnauthorizedAccessException("Not yours.", cause)|};
                if (id.Length == 2) throw {|MAR0009:new InvalidOperationException(message: "Locked.", innerException: cause)|};
                if (id.Length == 3) throw {|MAR0009:new InvalidOperationException()|};
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using Mariachi;
        class OrderService
        {
            void Find(string id, Exception cause)
            {
                if (id.Length == 0) throw new NotFoundError(ErrorCodes.NotFound, $"No order {id}.");
                if (id.Length == 1) throw new AuthError(ErrorCodes.Auth.Forbidden, "Not yours.", innerException: cause);
                if (id.Length == 2) throw new MariachiError(ErrorCodes.Internal, "Locked.", innerException: cause);
                if (id.Length == 3) throw {|MAR0009:new InvalidOperationException()|};
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_not_reported()
    {
        var test = new MariachiAnalyzerTest<RawExceptionInServiceAnalyzer>(
            """
            using System;
            using System.CodeDom.Compiler;
            class OrderService
            {
                [GeneratedCode("tool", "1.0")]
                void Generated() => throw new InvalidOperationException("generated");

                void Hidden()
                {
            #line hidden
                    throw new InvalidOperationException("hidden");
            #line default
                }

                void Written() => throw {|MAR0009:new InvalidOperationException("written")|};
            }

            [GeneratedCode("tool", "1.0")]
            class GeneratedService
            {
                void Fail() => throw new InvalidOperationException("generated type");
            }
            """);
        test.TestState.Sources.Add(("Client.g.cs", """
            // <auto-generated/>
            using System;
            class ClientService
            {
                void Fail() => throw new InvalidOperationException("generated file");
            }
            """));
        return test.RunAsync();
    }
}
