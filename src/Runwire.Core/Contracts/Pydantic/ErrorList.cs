namespace Runwire.Core.Contracts.Pydantic;

/// <summary>Collects pydantic-style errors in the order pydantic reports them (field order, item by item).</summary>
internal sealed class ErrorList
{
    private readonly List<DecodeError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<DecodeError> Items => _errors;

    public void Add(IReadOnlyList<object> loc, string msg, string type) => _errors.Add(new DecodeError(loc, msg, type));

    public void Missing(IReadOnlyList<object> loc) => Add(loc, "field required", "value_error.missing");

    public void NoneNotAllowed(IReadOnlyList<object> loc) => Add(loc, "none is not an allowed value", "type_error.none.not_allowed");

    public void ValueError(IReadOnlyList<object> loc, string msg) => Add(loc, msg, "value_error");
}

/// <summary>A validated value, or "invalid" after its errors were recorded.</summary>
internal readonly record struct Checked<T>(bool Ok, T Value)
{
    public static Checked<T> Invalid => new(false, default!);

    public static implicit operator Checked<T>(T value) => new(true, value);
}

internal static class LocExtensions
{
    public static IReadOnlyList<object> Then(this IReadOnlyList<object> loc, object part) => [.. loc, part];
}

internal static class CheckedExtensions
{
    public static Checked<T?> AsNullable<T>(this Checked<T> value) where T : class =>
        value.Ok ? new Checked<T?>(true, value.Value) : Checked<T?>.Invalid;

    public static Checked<long?> AsNullable(this Checked<long> value) =>
        value.Ok ? new Checked<long?>(true, value.Value) : Checked<long?>.Invalid;
}
