using IrpFlows.Documents;

namespace IrpFlows.Tests.Documents;

public sealed class UploadRulesTests
{
    private static readonly UploadRules Rules = new(new DocumentsOptions());

    [Theory]
    [InlineData("plan.pdf", "application/pdf")]
    [InlineData("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("day1.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("data.csv", "application/vnd.ms-excel")]
    [InlineData("notes.txt", "text/plain; charset=utf-8")]
    [InlineData("chart.png", "image/png")]
    [InlineData("photo.JPG", "image/jpeg")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("evidence.zip", "application/x-zip-compressed")]
    public void AllowedTypes_AreAccepted(string fileName, string contentType)
    {
        var (accepted, errors) = Rules.Check(new UploadRequest(fileName, 1000, contentType));

        Assert.Empty(errors);
        Assert.Equal(contentType.Split(';')[0], accepted!.ContentType);
    }

    [Fact]
    public void MissingContentType_TakesTheExtensionsType()
    {
        var (accepted, _) = Rules.Check(new UploadRequest("plan.pdf", 10, ""));

        Assert.Equal("application/pdf", accepted!.ContentType);
    }

    [Theory]
    [InlineData("setup.exe", 10, "application/octet-stream", "fileName")]
    [InlineData("page.html", 10, "text/html", "fileName")]
    [InlineData("no-extension", 10, "application/pdf", "fileName")]
    [InlineData("", 10, "application/pdf", "fileName")]
    [InlineData("plan.pdf", 10, "text/html", "contentType")]
    [InlineData("plan.pdf", 0, "application/pdf", "size")]
    [InlineData("plan.pdf", -1, "application/pdf", "size")]
    [InlineData("plan.pdf", 100L * 1024 * 1024 + 1, "application/pdf", "size")]
    public void RefusedRequests_NameTheFieldThatBreaksTheRule(string fileName, long size, string contentType, string field)
    {
        var (accepted, errors) = Rules.Check(new UploadRequest(fileName, size, contentType));

        Assert.Null(accepted);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void SizeLimit_IsInclusive()
    {
        Assert.Empty(Rules.Check(new UploadRequest("big.zip", 100L * 1024 * 1024, "application/zip")).Errors);
    }

    [Fact]
    public void Settings_CanAddAnExtension_AndDisallowOneWithAnEmptyValue()
    {
        var options = new DocumentsOptions();
        options.AllowedTypes["odt"] = "application/vnd.oasis.opendocument.text";
        options.AllowedTypes["zip"] = "";
        var rules = new UploadRules(options);

        Assert.Empty(rules.Check(new UploadRequest("a.odt", 1, "application/vnd.oasis.opendocument.text")).Errors);
        Assert.Contains("fileName", rules.Check(new UploadRequest("a.zip", 1, "application/zip")).Errors.Keys);
    }

    [Theory]
    [InlineData("plan.pdf", "%PDF-1.7 the plan", "application/pdf")]
    [InlineData("data.csv", "a,b", "application/vnd.ms-excel")]
    [InlineData("notes.txt", "notes", "text/plain; charset=utf-8")]
    [InlineData("plan.docx", "PK\u0003\u0004word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void StoredFiles_ThatKeepTheRules_PassTheirCheck(string fileName, string content, string contentType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);

        Assert.Empty(Rules.CheckStored(fileName, bytes.Length, contentType, bytes));
    }

    [Theory]
    [InlineData("plan.pdf", "<html><script>alert(1)</script>", "application/pdf", "content")] // named and typed as a PDF, but is not one
    [InlineData("plan.pdf", "%PDF-1.7", "text/html", "contentType")] // stored with a type its name does not allow
    [InlineData("plan.pdf", "%PDF-1.7", "application/octet-stream", "contentType")]
    [InlineData("plan.pdf", "%PDF-1.7", "", "contentType")]
    [InlineData("plan.pdf", "", "application/pdf", "size")]
    [InlineData("page.html", "<html>", "text/html", "fileName")]
    [InlineData("plan.docx", "<html><script>alert(1)</script>", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "content")]
    [InlineData("chart.png", "<svg onload=alert(1)>", "image/png", "content")]
    [InlineData("data.csv", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "text/csv", "content")] // zero-filled
    public void StoredFiles_ThatBreakARule_NameItsField(string fileName, string content, string contentType, string field)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);

        Assert.Equal([field], Rules.CheckStored(fileName, bytes.Length, contentType, bytes).Keys);
    }

    [Fact]
    public void StoredFile_OverTheLimit_IsRefusedOnItsRealSize()
    {
        var errors = Rules.CheckStored("plan.pdf", 150L * 1024 * 1024, "application/pdf", "%PDF-"u8);

        Assert.Equal("The file uploaded is 150 MB, over the limit of 100 MB.", Assert.Single(errors["size"]));
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(3565158, "3.4 MB")]
    [InlineData(104857600, "100 MB")]
    public void Describe_GivesSizesForPeople(long bytes, string expected) => Assert.Equal(expected, UploadRules.Describe(bytes));
}
