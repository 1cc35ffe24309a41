using IrpFlows.Documents;

namespace IrpFlows.Tests.Documents;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../x.pdf", "x.pdf")]
    [InlineData("..\\x.pdf", "x.pdf")]
    [InlineData("C:\\Users\\liaison\\Documents\\Action plan.docx", "Action plan.docx")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("a\\b", "b")]
    [InlineData("report\u0000\u0007\r\n.pdf", "report.pdf")]
    [InlineData("plan\u202Efdp.exe", "planfdp.exe")] // the right-to-left override that disguises extensions
    [InlineData("what?is<this>:\"|*.pdf", "what_is_this_____.pdf")]
    [InlineData("  Population   breakdown .PDF ", "Population breakdown.pdf")]
    [InlineData("Évaluation – Elmley (final).xlsx", "Évaluation – Elmley (final).xlsx")]
    public void Sanitise_KeepsOnlyAReadableLastSegment(string given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given));

    [Theory]
    [InlineData(null, "document")]
    [InlineData("", "document")]
    [InlineData("..", "document")]
    [InlineData("../", "document")]
    [InlineData(".pdf", "document.pdf")]
    [InlineData("\u0001\u0002.docx", "document.docx")]
    public void Sanitise_NameWithNothingLeft_BecomesTheDefaultName(string? given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given));

    [Fact]
    public void Sanitise_VeryLongName_IsShortenedKeepingTheExtension()
    {
        var safe = FileNames.Sanitise(new string('a', 500) + ".pdf");

        Assert.Equal(FileNames.MaxLength, safe.Length);
        Assert.EndsWith("aaa.pdf", safe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-rf.pdf", "rf.pdf")]
    [InlineData("--help", "help")]
    [InlineData("Action plan -.pdf", "Action plan.pdf")]
    public void Sanitise_RemovesDashesFromTheEndsOfTheStem_SoNoNameLooksLikeAnOption(string given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given));

    [Theory]
    [InlineData("HMP Elmley draft.pdf", "HMP-Elmley-draft.pdf")]
    [InlineData("Rapport d'été – brouillon.PDF", "Rapport-d-t-brouillon.pdf")]
    [InlineData("plan\u202Efdp.exe", "planfdp.exe")]
    [InlineData(" - draft (final) - .docx", "draft-final.docx")]
    public void Sanitise_Ascii_KeepsAsciiLettersDigitsDotsAndUnderscores_AndTheSameOtherRules(string given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given, FileNameCharacters.Ascii));

    [Theory]
    [InlineData(".pdf")]
    [InlineData("../")]
    [InlineData("-.pdf")]
    public void SanitiseOrNull_NameWithNoStemLeft_IsNull(string given) =>
        Assert.Null(FileNames.SanitiseOrNull(given, FileNameCharacters.Ascii));

    [Theory]
    [InlineData("x.PDF", "pdf")]
    [InlineData("archive.tar.zip", "zip")]
    [InlineData("README", "")]
    public void Extension_IsTheLowerCaseTextAfterTheLastDot(string name, string expected) =>
        Assert.Equal(expected, FileNames.Extension(FileNames.Sanitise(name)));
}
