using System.Collections;
using Azure;

namespace IrpFlows.Storage;

/// <summary>
/// A table entity as a property bag, shaped like Azure.Data.Tables' <c>TableEntity</c>. Supported value types:
/// string, int, long, bool, double, DateTimeOffset (DateTime is stored as UTC), Guid and byte[]; they round-trip
/// with their exact type. A null value is not stored. <see cref="ETag"/> and <see cref="Timestamp"/> are set by the
/// service and are not part of the dictionary.
/// </summary>
public sealed class TableEntity : IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>An empty entity; set <see cref="PartitionKey"/> and <see cref="RowKey"/> before saving it.</summary>
    public TableEntity()
    {
    }

    /// <summary>An entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key; entities in one partition can change together in a transaction.</summary>
    public string PartitionKey
    {
        get => GetString(nameof(PartitionKey)) ?? string.Empty;
        set => _properties[nameof(PartitionKey)] = value;
    }

    /// <summary>The row key, unique within the partition; entities are returned in row key order.</summary>
    public string RowKey
    {
        get => GetString(nameof(RowKey)) ?? string.Empty;
        set => _properties[nameof(RowKey)] = value;
    }

    /// <summary>The version read from the service; pass it as If-Match to update only that version.</summary>
    public ETag ETag { get; set; }

    /// <summary>When the service last modified the entity; null for an entity not read from the service.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>A property's value, or null when absent.</summary>
    public object? this[string key]
    {
        get => _properties.GetValueOrDefault(key);
        set => _properties[key] = value;
    }

    /// <summary>The string value, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public string? GetString(string key) => Get<string>(key);

    /// <summary>The Int32 value, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public int? GetInt32(string key) => Get<int?>(key);

    /// <summary>The Int64 value (an Int32 value widens), or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public long? GetInt64(string key) => this[key] is int i ? i : Get<long?>(key);

    /// <summary>The Boolean value, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public bool? GetBoolean(string key) => Get<bool?>(key);

    /// <summary>The Double value (an Int32 or Int64 value widens), or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public double? GetDouble(string key) => this[key] switch
    {
        int i => i,
        long l => l,
        _ => Get<double?>(key),
    };

    /// <summary>The DateTime value as an instant (a <see cref="DateTime"/> is read as UTC), or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key) =>
        this[key] is DateTime d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : Get<DateTimeOffset?>(key);

    /// <summary>The Guid value, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public Guid? GetGuid(string key) => Get<Guid?>(key);

    /// <summary>The binary value, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value has another type.</exception>
    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key)
    {
        var value = this[key];
        return value switch
        {
            null => default,
            T typed => typed,
            _ => throw new InvalidOperationException(
                $"Property '{key}' is a {value.GetType().Name}, not a {Nullable.GetUnderlyingType(typeof(T))?.Name ?? typeof(T).Name}."),
        };
    }
}
