namespace Mariachi;

/// <summary>The outcome of an operation: a value, or a <see cref="MariachiError"/>.</summary>
public sealed class Result<T>
{
    private readonly Result<T, MariachiError> _inner;

    private Result(Result<T, MariachiError> inner) => _inner = inner;

    public bool IsOk => _inner.IsOk;

    public bool IsErr => _inner.IsErr;

    public T Value => _inner.Value;

    public MariachiError Error => _inner.Error;

    public static Result<T> Ok(T value) => new(Result<T, MariachiError>.Ok(value));

    public static Result<T> Err(MariachiError error) => new(Result<T, MariachiError>.Err(error));

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(MariachiError error) => Err(error);

    public static implicit operator Result<T, MariachiError>(Result<T> result) => result._inner;

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => new(_inner.Map(map));

    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return IsOk ? bind(_inner.Value) : Result<TOut>.Err(_inner.Error);
    }

    public TOut Match<TOut>(Func<T, TOut> ok, Func<MariachiError, TOut> err) => _inner.Match(ok, err);

    /// <summary>The value, or throws the error.</summary>
    public T Unwrap() => _inner.Unwrap();

    public T UnwrapOr(T fallback) => _inner.UnwrapOr(fallback);

    public T UnwrapOr(Func<MariachiError, T> fallback) => _inner.UnwrapOr(fallback);

    public override string ToString() => _inner.ToString();
}
