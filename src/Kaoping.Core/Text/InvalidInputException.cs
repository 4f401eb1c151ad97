namespace Kaoping.Text;

/// <summary>Input that Kaoping refuses: a clear message, in both languages, naming the file and the place.</summary>
public class InvalidInputException(LocalizedText message) : Exception(message.En)
{
    public LocalizedText Text { get; } = message;
}
