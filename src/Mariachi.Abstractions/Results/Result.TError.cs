namespace Mariachi;

/// <summary>The outcome of an operation: a value, or a typed error. Immutable.</summary>
public sealed class Result<T, TError>
{
    private readonly T _value;
    private readonly TError _error;

    private Result(bool isOk, T value, TError error)
    {
        IsOk = isOk;
        _value = value;
        _error = error;
    }

    public bool IsOk { get; }

    public bool IsErr => !IsOk;

    /// <summary>The value; throws when this is an error (use <see cref="Match{TOut}"/> or <see cref="UnwrapOr(T)"/> instead).</summary>
    public T Value => IsOk ? _value : throw new InvalidOperationException($"The result is an error: {_error}.");

    /// <summary>The error; throws when this is a value.</summary>
    public TError Error => IsOk ? throw new InvalidOperationException("The result is a value, not an error.") : _error;

    public static Result<T, TError> Ok(T value) => new(true, value, default!);

    public static Result<T, TError> Err(TError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(false, default!, error);
    }

    public static implicit operator Result<T, TError>(T value) => Ok(value);

    public Result<TOut, TError> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsOk ? Result<TOut, TError>.Ok(map(_value)) : Result<TOut, TError>.Err(_error);
    }

    public Result<T, TOut> MapError<TOut>(Func<TError, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsOk ? Result<T, TOut>.Ok(_value) : Result<T, TOut>.Err(map(_error));
    }

    public Result<TOut, TError> Bind<TOut>(Func<T, Result<TOut, TError>> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return IsOk ? bind(_value) : Result<TOut, TError>.Err(_error);
    }

    public TOut Match<TOut>(Func<T, TOut> ok, Func<TError, TOut> err)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(err);
        return IsOk ? ok(_value) : err(_error);
    }

    /// <summary>
    /// The value, or throws: the error itself when it is an exception, else a <see cref="MariachiError"/> with code
    /// <see cref="ErrorCodes.Result.UnwrapFailed"/> describing it.
    /// </summary>
    public T Unwrap() => IsOk
        ? _value
        : throw (_error as Exception ?? new MariachiError(
            ErrorCodes.Result.UnwrapFailed,
            $"Unwrap called on an error result: {_error}.",
            MariachiError.Meta(("error", _error))));

    public T UnwrapOr(T fallback) => IsOk ? _value : fallback;

    public T UnwrapOr(Func<TError, T> fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return IsOk ? _value : fallback(_error);
    }

    public override string ToString() => IsOk ? $"Ok({_value})" : $"Err({_error})";
}
