using IrpFlows.Pages;

namespace IrpFlows.Tests.Pages;

public sealed class HtmlTests
{
    [Fact]
    public void Holes_AreEncoded_UnlessTheyAreHtmlAlready()
    {
        var name = "HMP <script>alert('x')</script> & \"Sons\"";
        var inner = Html.Of($"<em>{name}</em>");

        var page = Html.Of($"<p title=\"{name}\">{inner}</p>").ToString();

        Assert.DoesNotContain("<script>", page);
        Assert.Equal(
            "<p title=\"HMP &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Sons&quot;\"><em>HMP &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Sons&quot;</em></p>",
            page);
    }

    [Fact]
    public void Numbers_AndDates_AreWrittenInTheInvariantCulture()
    {
        Assert.Equal("<td>1234.5</td><td>2023-02-13</td>", Html.Of($"<td>{1234.5}</td><td>{new DateOnly(2023, 2, 13):yyyy-MM-dd}</td>").ToString());
    }
}
