using System.Globalization;

namespace IrpFlows.Judgements;

/// <summary>Counts as the reports write them: words for one to twenty, digits beyond.</summary>
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
