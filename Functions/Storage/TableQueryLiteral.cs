using System.Globalization;

namespace IrpFlows.Storage;

/// <summary>Formats values as OData literals for table query filters.</summary>
internal static class TableQueryLiteral
{
    public static string Format(object? value) => value switch
    {
        null => throw new ArgumentException("A table query filter cannot compare with null."),
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        DateTimeOffset dto => $"datetime'{dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'",
        DateTime dt => Format(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt)),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new NotSupportedException($"A table query filter cannot contain a {value.GetType().Name}."),
    };

    // A whole double needs a decimal point, or the service reads it as an Int32 literal.
    private static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E']) < 0 ? text + ".0" : text;
    }
}
