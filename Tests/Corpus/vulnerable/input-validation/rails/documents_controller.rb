require "open3"

class DocumentsController < ApplicationController
  before_action :authenticate_user!

  def create
    @document = Document.new(params[:document]) # expect: input-validation/mass-assignment-ruby
    @document.save!
    redirect_to @document
  end

  def update
    @document = Document.find(params[:id])
    @document.update(document_params)
    redirect_to document_path(@document)
  end

  def download
    send_file Rails.root.join("storage", "documents", params[:name]) # expect: input-validation/path-traversal-ruby
  end

  def download_safe
    send_file Rails.root.join("storage", "documents", File.basename(params[:name]))
  end

  def convert
    output, status = Open3.capture2("libreoffice --convert-to pdf #{params[:file]}") # expect: input-validation/command-injection-ruby
    render plain: output
  end

  def convert_safe
    output, _status = Open3.capture2("libreoffice", "--convert-to", "pdf", params[:file])
    render plain: output
  end

  def back
    redirect_to params[:return_to] # expect: input-validation/open-redirect-ruby
  end

  def preview
    @body = params[:body].html_safe # expect: input-validation/xss-ruby
  end

  def sort
    @documents = Document.all.sort_by { |d| d.public_send(params[:by]) } # expect: input-validation/unsafe-reflection-ruby
  end

  def template_preview
    render inline: params[:template] # expect: input-validation/ssti-ruby
  end

  private

  def document_params
    params.require(:document).permit(:title, :body)
  end
end
