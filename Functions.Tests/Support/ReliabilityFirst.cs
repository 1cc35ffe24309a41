using Xunit.Abstractions;

[assembly: TestCollectionOrderer("IrpFlows.Tests.Support.ReliabilityFirst", "IrpFlows.Functions.Tests")]

namespace IrpFlows.Tests.Support;

/// <summary>
/// Starts the classes with the trait Category=Reliability first, then the rest by name. xunit runs two classes at a time
/// (one per core) and starts the next as one ends; the reliability classes take minutes each, mostly waiting on leases,
/// outages and restarts, and one started last kept the suite running minutes after everything else had finished.
/// </summary>
public sealed class ReliabilityFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => IsReliability(c) ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    // Each class is a collection of its own ("Test collection for IrpFlows.Tests.Reliability.ReliabilityTests").
    private static bool IsReliability(ITestCollection collection)
    {
        var className = collection.DisplayName.Split(' ')[^1];
        return typeof(ReliabilityFirst).Assembly.GetType(className)?.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: "Category" }, { Value: "Reliability" }]) == true;
    }
}
