using System.Reflection;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Calls a function method the way the Functions worker does: a new instance of its class from dependency injection
/// (unless it is static), every parameter from the <c>bind</c> callback, and the result awaited when it is a task.
/// Exceptions from the function propagate unwrapped.
/// </summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(MethodInfo method, IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(bind).ToArray();
            var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (result is not Task task) return result;
            await task;
            return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        finally
        {
            if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (target is IDisposable disposable) disposable.Dispose();
        }
    }

    /// <summary>What the function returns once awaited: the T of Task&lt;T&gt;, nothing for Task or void.</summary>
    public static Type ResultType(MethodInfo method) =>
        method.ReturnType == typeof(Task) || method.ReturnType == typeof(void) ? typeof(object)
        : method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? method.ReturnType.GetGenericArguments()[0]
        : method.ReturnType;
}
