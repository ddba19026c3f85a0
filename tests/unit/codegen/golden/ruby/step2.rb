upload_token_id = "0_0123456789abcdef0123456789abcdef"
file_data = File.open("/tmp/Kaltura_Logo_Animation.flv")
resume = false
final_chunk = true
resume_at = -1

result = client.upload_token_service.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
puts "id: " + result.id.to_s
puts "fileName: " + result.file_name.to_s
puts "status: " + result.status.to_s
