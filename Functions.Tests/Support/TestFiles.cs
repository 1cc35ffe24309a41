using System.Text;

namespace IrpFlows.Tests.Support;

/// <summary>File contents for uploads.</summary>
public static class TestFiles
{
    /// <summary>Bytes that look like a small PDF, distinct per <paramref name="label"/>.</summary>
    public static byte[] Pdf(string label) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {label}\n%%EOF\n");

    /// <summary>Bytes that start as a Word (.docx) file does, a ZIP archive, distinct per <paramref name="label"/>.</summary>
    public static byte[] WordDocument(string label) => [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes($"word/document.xml {label}")];

    /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
