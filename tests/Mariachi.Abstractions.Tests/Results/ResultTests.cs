namespace Mariachi.Abstractions.Tests.Results;

public sealed class ResultTests
{
    [Fact]
    public void Ok_and_Err_build_results()
    {
        var error = new ValidationError(ErrorCodes.Validation.InvalidInput, "bad");

        Assert.Equal(3, Result.Ok(3).Value);
        Assert.Same(error, Result.Err<int>(error).Error);
    }

    [Fact]
    public void Try_returns_Ok_with_the_value()
    {
        var result = Result.Try(() => 42);

        Assert.True(result.IsOk);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void Try_keeps_a_mariachi_error_as_is()
    {
        var error = new TenancyError(ErrorCodes.Tenancy.MissingTenant, "no tenant");

        var result = Result.Try<int>(() => throw error);

        Assert.Same(error, result.Error);
    }

    [Fact]
    public void Try_turns_another_exception_into_internal_with_the_inner_exception()
    {
        var exception = new InvalidOperationException("disk full");

        var result = Result.Try<int>(() => throw exception);

        Assert.Equal(ErrorCodes.Internal, result.Error.Code);
        Assert.Equal("disk full", result.Error.Message);
        Assert.Same(exception, result.Error.InnerException);
        Assert.Equal(500, result.Error.HttpStatus);
    }

    [Fact]
    public void Try_lets_cancellation_propagate()
    {
        Assert.Throws<OperationCanceledException>(() => Result.Try<int>(() => throw new OperationCanceledException()));
        Assert.Throws<TaskCanceledException>(() => Result.Try<int>(() => throw new TaskCanceledException()));
    }

    [Fact]
    public void Try_rejects_a_null_action()
    {
        Assert.Throws<ArgumentNullException>(() => Result.Try<int>(null!));
    }

    [Fact]
    public async Task TryAsync_returns_Ok_with_the_value()
    {
        var result = await Result.TryAsync(async () =>
        {
            await Task.Yield();
            return "done";
        });

        Assert.Equal("done", result.Value);
    }

    [Fact]
    public async Task TryAsync_keeps_a_mariachi_error_as_is()
    {
        var error = new CommunicationError(ErrorCodes.Communication.Timeout, "slow");

        var result = await Result.TryAsync<int>(async () =>
        {
            await Task.Yield();
            throw error;
        });

        Assert.Same(error, result.Error);
    }

    [Fact]
    public async Task TryAsync_turns_another_exception_into_internal()
    {
        var exception = new FormatException("bad payload");

        var result = await Result.TryAsync<int>(async () =>
        {
            await Task.Yield();
            throw exception;
        });

        Assert.Equal(ErrorCodes.Internal, result.Error.Code);
        Assert.Same(exception, result.Error.InnerException);
    }

    [Fact]
    public async Task TryAsync_catches_an_exception_thrown_before_the_task_is_returned()
    {
        var exception = new InvalidOperationException("sync");

        var result = await Result.TryAsync<int>(() => throw exception);

        Assert.Same(exception, result.Error.InnerException);
    }

    [Fact]
    public async Task TryAsync_lets_cancellation_propagate()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => Result.TryAsync(() => Task.FromCanceled<int>(cancellation.Token)));
        await Assert.ThrowsAsync<OperationCanceledException>(() => Result.TryAsync<int>(async () =>
        {
            await Task.Yield();
            throw new OperationCanceledException(cancellation.Token);
        }));
    }

    [Fact]
    public async Task TryAsync_rejects_a_null_action()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Result.TryAsync<int>(null!));
    }
}
