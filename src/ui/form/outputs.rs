//! Outputs: which values Terraform prints after applying.

pub const TEMPLATE: &str = r#"
<fieldset id="section-outputs">
  <legend>Outputs</legend>
  <div class="checks">
    {public_ip|Public IP|The instance's public IPv4 address.|check}
    {public_dns|Public DNS name|The instance's public host name.|check}
    {ssh_command|SSH command|A ready-to-paste ssh root@… line.|check}
  </div>
</fieldset>"#;
