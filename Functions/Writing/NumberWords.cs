using System.Globalization;

namespace IrpFlows.Writing;

/// <summary>Counts as the inspectorate writes them, in reports and letters: words for one to twenty, digits beyond.</summary>
internal static class NumberWords
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    public static string ToWords(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count < Words.Length ? Words[count] : count.ToString(CultureInfo.InvariantCulture);
    }
}
