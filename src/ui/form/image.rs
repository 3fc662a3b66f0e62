//! NixOS image: the release (or a custom AMI name pattern) and the architecture.

pub const TEMPLATE: &str = r#"
<fieldset id="section-image">
  <legend>NixOS image</legend>
  <div class="grid">
    {release|Release|The newest official AMI of this release is used.|select 26.05=NixOS 26.05;25.11=NixOS 25.11;custom=Custom AMI name pattern}
    {architecture|Architecture|Must match the instance type (t4g, m7g, c7g are arm64).|select x86_64=x86_64 (Intel, AMD);arm64=arm64 (Graviton)}
    {?release=custom}
      {custom_pattern|AMI name pattern|e.g. nixos/26.05*; * and ? are wildcards.}
    {/}
  </div>
  <details>
    <summary>Advanced: resource name</summary>
    <div class="grid">
      {data_name|AMI data source name|Terraform name of the aws_ami lookup, e.g. nixos-x86_64.}
    </div>
  </details>
</fieldset>"#;
