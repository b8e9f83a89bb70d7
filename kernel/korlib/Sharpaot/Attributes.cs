// korlib: the attributes by which kernels talk to the compiler (after SharpOS.AOT.Attributes).

using System;

namespace Sharpaot.Attributes
{
    /// <summary>The kernel's entry method (instead of Main): static, returns void or int.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class KernelMainAttribute : Attribute { }

    /// <summary>A method whose calls the compiler redirects to the ADC layer of the target architecture.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ADCStubAttribute : Attribute { }

    /// <summary>Names the namespace holding the ADC interface (the [ADCStub] methods).</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class ADCInterfaceAttribute : Attribute
    {
        public ADCInterfaceAttribute(string interfaceNamespace) { }
    }

    /// <summary>Names the namespace implementing the ADC interface for one architecture ("x86").</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class ADCLayerAttribute : Attribute
    {
        public ADCLayerAttribute(string layerNamespace, string architecture) { }
    }

    /// <summary>Compile this type (its type information and virtual methods) even if nothing refers to it.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
    public sealed class IncludeAttribute : Attribute { }
}
