namespace IrpFlows.Irps.Facts;

/// <summary>
/// The outcome of validating a <see cref="CreateIrpRequest"/>: the facts when valid, otherwise errors keyed by camelCase field
/// path (<c>contacts.governor.email</c>, <c>recommendations[2].ref</c>). Warnings never block the request.
/// </summary>
public sealed record IrpValidation(IrpFacts? Facts, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<IrpWarning> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A departure from what the guides say usually happens; the IRP can still start.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>notice-period</c>.</param>
/// <param name="Field">camelCase path of the field concerned.</param>
/// <param name="Message">What departs from the guide, citing its paragraph.</param>
public sealed record IrpWarning(string Code, string Field, string Message);
