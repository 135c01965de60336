namespace MediaModels.Generators.Tests;

public class Smoke
{
    [Fact]
    public void Builds()
    {
        MediaModels.GenerateMediaRequest request = MediaModels.MediaCatalog.Sora2.TextToVideo("A red car").Build();
        Assert.Equal("sora-2", request.Model);
    }
}
