using IrpFlows.Documents;
using IrpFlows.Workflow;

namespace IrpFlows.Tests.Documents;

public sealed class ReportFileRulesTests
{
    [Theory]
    [InlineData("HMP Elmley draft.pdf", "HMP-Elmley-draft.pdf")]
    [InlineData(@"C:\Users\cora\Desktop\draft (final).docx", "draft-final.docx")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("...hidden.pdf", "hidden.pdf")]
    [InlineData("Rapport d'été – brouillon.pdf", "Rapport-d-t-brouillon.pdf")]
    public void Check_StoresTheLastSegment_InSafeAsciiCharacters(string given, string stored) =>
        Assert.Equal((stored, null), ReportFileRules.Check(given, ContentTypeOf(given), 10, 100));

    [Fact]
    public void Check_CutsLongNamesTo100Characters_KeepingTheExtension()
    {
        var (stored, _) = ReportFileRules.Check(new string('a', 300) + ".docx", ReportFileRules.DocxContentType, 10, 100);

        Assert.Equal(100, stored!.Length);
        Assert.EndsWith("a.docx", stored);
    }

    [Theory]
    [InlineData("draft.pdf", "application/pdf; name=draft.pdf", "draft.pdf")]
    [InlineData("Draft.PDF", "APPLICATION/PDF", "Draft.pdf")]
    public void Check_AcceptsAPdfOrDocx_WithTheMatchingExtension(string fileName, string contentType, string stored) =>
        Assert.Equal((stored, null), ReportFileRules.Check(fileName, contentType, 10, 100));

    [Theory]
    [InlineData("draft.pdf", null, 10, "contentType")]
    [InlineData("draft.pdf", "application/msword", 10, "contentType")]
    [InlineData(null, "application/pdf", 10, "fileName")]
    [InlineData("draft", "application/pdf", 10, "fileName")]
    [InlineData(".pdf", "application/pdf", 10, "fileName")] // nothing before the extension: refused, not called "document.pdf"
    [InlineData("draft.pdf", "application/pdf", 0, "body")]
    [InlineData("draft.pdf", "application/pdf", 101, "body")]
    public void Check_RefusesWith400_NamingTheField(string? fileName, string? contentType, long size, string field)
    {
        var (stored, error) = ReportFileRules.Check(fileName, contentType, size, 100);

        Assert.Null(stored);
        Assert.Equal(RefusalKind.Invalid, error!.Kind);
        Assert.Equal([field], error.Errors!.Keys);
    }

    private static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".docx", StringComparison.Ordinal) ? ReportFileRules.DocxContentType : ReportFileRules.PdfContentType;
}
