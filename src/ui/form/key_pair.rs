//! Key pair: the public key AWS installs for root. Private keys are refused by the edit screen.

pub const TEMPLATE: &str = r#"
<fieldset id="section-key-pair">
  <legend>Key pair</legend>
  <div class="grid">
    {key_name|Key name|The key pair's name in AWS, e.g. default-key.}
    <div class="wide">
      {public_key|Public key|Paste the .pub file: ssh-ed25519 AAAA… you@host. Never the private key.}
    </div>
  </div>
  <details>
    <summary>Advanced: resource name</summary>
    <div class="grid">
      {resource_name|Resource name|Terraform name of the aws_key_pair.}
    </div>
  </details>
</fieldset>"#;
