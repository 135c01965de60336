using System.Collections;
using System.Collections.Generic;

namespace MediaModels.Client.Transport;

/// <summary>
/// The arguments of a call that takes one (<c>get_generation_status</c>'s <c>generation_id</c>): a dictionary of one
/// entry without a <see cref="Dictionary{TKey, TValue}"/>'s arrays, since one is made for every status call.
/// </summary>
internal sealed class SingleArgument : IReadOnlyDictionary<string, object?>
{
    private readonly string _name;
    private readonly object? _value;

    public SingleArgument(string name, object? value)
    {
        _name = name;
        _value = value;
    }

    public int Count => 1;

    public IEnumerable<string> Keys => new[] { _name };

    public IEnumerable<object?> Values => new[] { _value };

    public object? this[string key] => key == _name ? _value : throw new KeyNotFoundException($"The only argument is '{_name}'.");

    public bool ContainsKey(string key) => key == _name;

    public bool TryGetValue(string key, out object? value)
    {
        value = key == _name ? _value : null;
        return key == _name;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return new KeyValuePair<string, object?>(_name, _value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
