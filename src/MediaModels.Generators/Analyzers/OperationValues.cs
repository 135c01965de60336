using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MediaModels.Generators.Analyzers;

/// <summary>One item of a list written in source: its operation (null when it cannot be had) and where it is.</summary>
/// <param name="Operation">The item's value.</param>
/// <param name="Syntax">The item's syntax.</param>
internal readonly record struct ListItem(IOperation? Operation, SyntaxNode Syntax);

/// <summary>
/// What C# code says about a value at compile time: constants (with concatenations and interpolations of constants,
/// which C# itself does not always fold), booleans and the items of arrays, collection initializers and collection
/// expressions. Everything else is a value known only at run time.
/// </summary>
internal static class OperationValues
{
    /// <summary>The operation under implicit and explicit built-in conversions (boxing, nullable, reference).</summary>
    public static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion && conversion.OperatorMethod is null)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>A string parameter: Known for a constant string, Absent for the constant null, Unknown otherwise.</summary>
    public static Fact<string> String(IOperation? operation)
    {
        if (operation is not null && TryEvaluate(operation, out string? value))
        {
            return value is null ? Fact<string>.Absent : Fact<string>.Of(value);
        }

        return Fact<string>.Unknown;
    }

    /// <summary>A boolean parameter: Known for a constant, Absent for the constant null, Unknown otherwise.</summary>
    public static Fact<bool> Boolean(IOperation? operation)
    {
        if (operation is not null)
        {
            Optional<object?> constant = Strip(operation).ConstantValue;
            if (constant.HasValue)
            {
                if (constant.Value is bool value)
                {
                    return Fact<bool>.Of(value);
                }

                if (constant.Value is null)
                {
                    return Fact<bool>.Absent;
                }
            }
        }

        return Fact<bool>.Unknown;
    }

    /// <summary>True when the value is the constant <c>null</c>.</summary>
    public static bool IsNullConstant(IOperation operation)
    {
        Optional<object?> constant = Strip(operation).ConstantValue;
        return constant.HasValue && constant.Value is null;
    }

    /// <summary>An int constant.</summary>
    public static bool TryGetInt(IOperation? operation, out int value)
    {
        value = 0;
        if (operation is null)
        {
            return false;
        }

        Optional<object?> constant = Strip(operation).ConstantValue;
        if (constant.HasValue && constant.Value is int number)
        {
            value = number;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The items of a list written in place: an array creation with an initializer (or of length 0), a collection
    /// initializer on a parameterless constructor, a collection expression without spreads, or
    /// <c>Array.Empty&lt;T&gt;()</c>. False for anything else (a variable, a method call, a spread).
    /// </summary>
    public static bool TryGetItems(IOperation operation, out List<ListItem> items)
    {
        items = new List<ListItem>();
        for (IOperation? current = operation; current is not null; current = current is IConversionOperation c && c.OperatorMethod is null ? c.Operand : null)
        {
            if (current.Syntax is CollectionExpressionSyntax collection)
            {
                return TryGetCollectionExpressionItems(current, collection, items);
            }
        }

        IOperation value = Strip(operation);
        switch (value)
        {
            case IArrayCreationOperation array:
                if (array.Initializer is not null)
                {
                    foreach (IOperation element in array.Initializer.ElementValues)
                    {
                        items.Add(new ListItem(element, element.Syntax));
                    }

                    return true;
                }

                return array.DimensionSizes.Length == 1 && TryGetInt(array.DimensionSizes[0], out int size) && size == 0;

            case IObjectCreationOperation creation when creation.Arguments.Length == 0:
                if (creation.Initializer is null)
                {
                    return true;
                }

                foreach (IOperation initializer in creation.Initializer.Initializers)
                {
                    if (initializer is IInvocationOperation { Arguments.Length: 1 } add && add.TargetMethod.Name == "Add")
                    {
                        IOperation item = add.Arguments[0].Value;
                        items.Add(new ListItem(item, item.Syntax));
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;

            case IInvocationOperation { Arguments.Length: 0 } call
                when call.TargetMethod.Name == "Empty" && call.TargetMethod.ContainingType is { Name: "Array", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }:
                return true;

            default:
                return false;
        }
    }

    private static bool TryGetCollectionExpressionItems(IOperation operation, CollectionExpressionSyntax collection, List<ListItem> items)
    {
        SemanticModel? model = operation.SemanticModel;
        foreach (CollectionElementSyntax element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expression)
            {
                return false;
            }

            items.Add(new ListItem(model?.GetOperation(expression.Expression), expression.Expression));
        }

        return true;
    }

    /// <summary>Evaluates a string; <paramref name="value"/> is null for the constant null.</summary>
    private static bool TryEvaluate(IOperation operation, out string? value)
    {
        value = null;
        IOperation stripped = Strip(operation);
        Optional<object?> constant = stripped.ConstantValue;
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case null:
                    return true;
                case string text:
                    value = text;
                    return true;
                case char c:
                    value = c.ToString();
                    return true;
                default:
                    return false;
            }
        }

        switch (stripped)
        {
            case IInterpolatedStringOperation interpolated:
                var builder = new StringBuilder();
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text && TryFormat(text.Text, out string? literal))
                    {
                        builder.Append(literal);
                    }
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole && TryFormat(hole.Expression, out string? formatted))
                    {
                        builder.Append(formatted);
                    }
                    else
                    {
                        return false;
                    }
                }

                value = builder.ToString();
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                if (TryFormat(concatenation.LeftOperand, out string? left) && TryFormat(concatenation.RightOperand, out string? right))
                {
                    value = left + right;
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    /// <summary>How a value reads inside a concatenation or an interpolation (null reads as empty).</summary>
    private static bool TryFormat(IOperation operation, out string? text)
    {
        text = null;
        IOperation stripped = Strip(operation);
        Optional<object?> constant = stripped.ConstantValue;
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case null:
                    text = string.Empty;
                    return true;
                case string s:
                    text = s;
                    return true;
                case char c:
                    text = c.ToString();
                    return true;
                case bool b:
                    text = b ? "True" : "False";
                    return true;
                case int or long or short or sbyte or byte or ushort or uint or ulong:
                    text = System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture);
                    return true;
                default:
                    return false;
            }
        }

        if (TryEvaluate(stripped, out string? nested))
        {
            text = nested ?? string.Empty;
            return true;
        }

        return false;
    }
}
