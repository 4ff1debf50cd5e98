namespace Runwire.Core.Components.Examples;

/// <summary>
/// hetida's category "Examples": demonstrations of passing Python objects and Keras/TensorFlow models between
/// components, none of which has a meaning outside a Python runtime.
/// </summary>
public static class ExamplesCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new UnsupportedComponent(
            new Guid("b871f417-a28a-420a-8a5f-752a31d613db"),
            "AntirectifierLayer",
            "it returns a Keras layer class (TensorFlow), which Runwire cannot hold"),
        new UnsupportedComponent(
            new Guid("81142909-2bd5-43ea-ba35-de5068a5f8d8"),
            "Create ExampleClass Object",
            "it instantiates a Python class passed in from another component, a Python object Runwire cannot hold"),
        new UnsupportedComponent(
            new Guid("fd0464cb-4691-4ce1-bb2b-9efbcc7626f4"),
            "ExampleClass",
            "it returns a Python class defined in its own code, which Runwire cannot hold"),
        new UnsupportedComponent(
            new Guid("47880b66-dbad-4c89-98c9-d39dd13163dd"),
            "Get ExampleClass Object Attributes",
            "it reads attributes of a Python object, which Runwire cannot hold"),
        new UnsupportedComponent(
            new Guid("0c4f85b7-1cf1-48be-8cfb-19f228c1f88e"),
            "Test Keras Model",
            "it evaluates a Keras/TensorFlow model on the MNIST data set"),
        new UnsupportedComponent(
            new Guid("66fad534-24b0-4188-a4ad-62429497d8f1"),
            "Train Keras Model with Custom Layer",
            "it trains a Keras/TensorFlow model on the MNIST data set"),
    ];
}
