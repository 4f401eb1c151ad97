using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>A rubric file that cannot be read: the message names the file and the place.</summary>
public sealed class RubricFormatException(LocalizedText message) : InvalidInputException(message);
