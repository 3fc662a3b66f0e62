//! Provider and credentials: the region and where the provisioning host finds AWS credentials.

pub const TEMPLATE: &str = r#"
<fieldset id="section-provider">
  <legend>Provider and credentials</legend>
  <p class="section-help">The provisioning host reads credentials from files; nixform never asks for keys.</p>
  <div class="grid">
    {region|Region|Where the VPC and instances are created.|regions}
    {profile|Profile|Named profile in the credentials file; empty: default.}
    {shared_credentials_file|Shared credentials file|Absolute path, e.g. /root/.aws/credentials.}
    {shared_config_file|Shared config file|Absolute path, e.g. /root/.aws/config.}
  </div>
</fieldset>"#;
